import { cleanEnv, runWorker } from "./child.js";
import { writeConfigFixture } from "./config-fixture.js";
import type { InterleavedFigure } from "./interleaved.js";
import type { PerLib } from "./run.js";
import { median } from "./stats.js";

/** One profile count: each library's medians over the rounds. */
export interface IniPoint {
  /** Profiles in the config besides `[default]`. */
  profiles: number;
  /** CPU time per load (every thread of the process), ms: the figure. */
  cpuMs: PerLib<number>;
  /** Wall time per load, ms. */
  wallMs: PerLib<number>;
  /** SDK CPU time ÷ credchain CPU time in each round, in round order: above 1 credchain did less work. */
  ratios: number[];
}

export interface IniFigure {
  /** The profile count of the headline row (1000) and the one its growth is measured to (10000). */
  base: number;
  top: number;
  /** Fewest profiles first. */
  points: IniPoint[];
  /** CPU time at `top` ÷ CPU time at `base` in each round, per library: 10 is linear growth. */
  growth: PerLib<number[]>;
  /** The same in wall time. */
  wallGrowth: PerLib<number[]>;
}

/**
 * Loading `~/.aws/config` and `~/.aws/credentials` at each profile count, credchain's
 * `loadSharedConfig` against the SDK's `loadSharedConfigFiles`, in alternating rounds (each a
 * process per library, the order of the libraries swapped every round) so drift in machine load
 * hits both alike; within a process the counts take turns (`interleaved`), so the growth from one
 * count to another is measured under the same load. Parsing is CPU work: the figure is CPU time,
 * which a machine busy with other work changes far less than wall time (both are kept). Each
 * library must find every profile. `timeMs` is per count and process.
 *
 * @example
 * ```ts
 * const ini = await iniRounds({ counts: [100, 1000, 10_000], base: 1000, rounds: 7, timeMs: 500 });
 * ```
 */
export async function iniRounds({ counts, base, rounds, timeMs }: { counts: number[]; base: number; rounds: number; timeMs: number }): Promise<IniFigure> {
  const sorted = [...new Set([...counts, base])].sort((a, b) => a - b);
  const top = sorted[sorted.length - 1] as number;
  const fixtures = sorted.map(writeConfigFixture);
  const runs: PerLib<(InterleavedFigure & { found: number })[][]> = { credchain: [], sdk: [] };
  for (let round = 0; round < rounds; round++) {
    for (const lib of round % 2 ? (["sdk", "credchain"] as const) : (["credchain", "sdk"] as const)) {
      const run = await runWorker<(InterleavedFigure & { found: number })[]>("ini", lib, { fixtures, timeMs }, cleanEnv());
      run.forEach((r, i) => {
        // `[default]` is a profile too.
        const expected = (sorted[i] as number) + 1;
        if (r.found !== expected) throw new Error(`${lib} found ${r.found} profiles in a config with ${expected}`);
      });
      runs[lib].push(run);
    }
  }
  const at = (lib: "credchain" | "sdk", i: number, key: "cpuMs" | "meanMs") => runs[lib].map((run) => run[i]?.[key] as number);
  const growth = (lib: "credchain" | "sdk", key: "cpuMs" | "meanMs") => {
    const [b, t] = [sorted.indexOf(base), sorted.indexOf(top)];
    return runs[lib].map((run) => (run[t]?.[key] as number) / (run[b]?.[key] as number));
  };
  const points = sorted.map((profiles, i) => ({
    profiles,
    cpuMs: { credchain: median(at("credchain", i, "cpuMs")), sdk: median(at("sdk", i, "cpuMs")) },
    wallMs: { credchain: median(at("credchain", i, "meanMs")), sdk: median(at("sdk", i, "meanMs")) },
    ratios: at("sdk", i, "cpuMs").map((sdk, round) => sdk / (at("credchain", i, "cpuMs")[round] as number)),
  }));
  return {
    base,
    top,
    points,
    growth: { credchain: growth("credchain", "cpuMs"), sdk: growth("sdk", "cpuMs") },
    wallGrowth: { credchain: growth("credchain", "meanMs"), sdk: growth("sdk", "meanMs") },
  };
}
