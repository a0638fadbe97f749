import { median } from "./stats.js";

/** One function's figure: medians over the passes of the mean per call. */
export interface InterleavedFigure {
  /** Wall time per call, ms. */
  meanMs: number;
  /** CPU time per call (user + system, every thread of the process: GC helpers, the fs thread pool), ms. */
  cpuMs: number;
  /** Calls made, the warm-up pass included. */
  calls: number;
}

/**
 * Time per call of each function, measured in turns: `passes` passes, each giving every function
 * a slice of about `timeMs / passes` (at least two calls), after one warm-up pass. The figure of
 * each is the median of its passes' means. Within one process the functions share the machine's
 * load, so their ratios hold on a busy machine where back-to-back runs would not; and CPU time,
 * unlike wall time, does not count the time the process waited for a core.
 *
 * @example
 * ```ts
 * const [small, large] = await interleaved([() => load(1000), () => load(10_000)], { timeMs: 2000, passes: 5 });
 * ```
 */
export async function interleaved(fns: (() => Promise<unknown>)[], { timeMs, passes }: { timeMs: number; passes: number }): Promise<InterleavedFigure[]> {
  const slice = timeMs / passes;
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  const calls = fns.map(() => 0);
  for (let pass = -1; pass < passes; pass++) {
    for (const [i, fn] of fns.entries()) {
      let n = 0;
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      let elapsed = 0;
      while (n < 2 || elapsed < slice) {
        await fn();
        n++;
        elapsed = performance.now() - start;
      }
      const used = process.cpuUsage(cpuStart);
      calls[i] = (calls[i] as number) + n;
      // Pass -1 warms the code up and is not counted.
      if (pass >= 0) {
        wall[i]?.push(elapsed / n);
        cpu[i]?.push((used.user + used.system) / 1000 / n);
      }
    }
  }
  return fns.map((_, i) => ({ meanMs: median(wall[i] as number[]), cpuMs: median(cpu[i] as number[]), calls: calls[i] as number }));
}
