import { runWorker } from "./child.js";
import { median } from "./stats.js";
import type { Throughput } from "./tiny.js";

/** One library's figure for a metadata endpoint: the median round, and what each resolution asked. */
export interface EndpointLib {
  /** Median over the rounds of the mean time per resolution, ms. */
  meanMs: number;
  /** Requests the emulator saw per resolution, over every round. */
  requestsPerResolution: number;
}

export interface EndpointFigure {
  credchain: EndpointLib;
  sdk: EndpointLib;
  /** SDK time ÷ credchain time in each round, in round order: above 1 credchain was faster. */
  ratios: number[];
}

/**
 * A fresh provider per resolution against a metadata endpoint emulator (or, for "sign", signing
 * with no endpoint: pass `() => 0`), credchain and the SDK in alternating rounds (each its own process, the order swapped every round) so drift in machine
 * load hits both alike; the ratio of each round is kept, and the median of them is the figure.
 *
 * @example
 * ```ts
 * const imds = await endpointRounds("imds", cleanEnv(emulator.env), () => emulator.requests.length, { rounds: 5, timeMs: 1500 });
 * ```
 */
export async function endpointRounds(
  scenario: "imds" | "container" | "request" | "sign",
  env: Record<string, string>,
  requestsSoFar: () => number,
  { rounds, timeMs }: { rounds: number; timeMs: number },
): Promise<EndpointFigure> {
  const times = { credchain: [] as number[], sdk: [] as number[] };
  const totals = { credchain: { requests: 0, calls: 0 }, sdk: { requests: 0, calls: 0 } };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const lib of round % 2 ? (["sdk", "credchain"] as const) : (["credchain", "sdk"] as const)) {
      const before = requestsSoFar();
      const r = await runWorker<Throughput>(scenario, lib, { timeMs }, env);
      times[lib].push(r.meanMs);
      totals[lib].requests += requestsSoFar() - before;
      totals[lib].calls += r.calls;
    }
    ratios.push((times.sdk[round] as number) / (times.credchain[round] as number));
  }
  const figure = (lib: "credchain" | "sdk"): EndpointLib => ({ meanMs: median(times[lib]), requestsPerResolution: totals[lib].requests / totals[lib].calls });
  return { credchain: figure("credchain"), sdk: figure("sdk"), ratios };
}
