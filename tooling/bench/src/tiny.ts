import { Bench } from "tinybench";

export interface Throughput {
  /** Operations per second (tinybench mean throughput). */
  opsPerSec: number;
  /** Mean latency per operation, ms. */
  meanMs: number;
  /** Median latency per operation, ms. */
  p50Ms: number;
  /** How many times the function ran, warm-up included. */
  calls: number;
}

/** Runs one async function under tinybench for about `timeMs`. */
export async function throughput(fn: () => Promise<unknown>, timeMs: number): Promise<Throughput> {
  let calls = 0;
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs / 4), iterations: 10 });
  bench.add("task", async () => {
    calls++;
    await fn();
  });
  await bench.run();
  const task = bench.tasks[0];
  const result = task?.result;
  if (!result || result.state !== "completed") {
    const error = result && "error" in result ? (result as { error?: unknown }).error : undefined;
    throw new Error(`benchmark did not complete (${result?.state}): ${String(error)}`);
  }
  return { opsPerSec: result.throughput.mean, meanMs: result.latency.mean, p50Ms: result.latency.p50, calls };
}
