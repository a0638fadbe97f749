import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { distFile } from "./child.js";
import type { EndpointFigure } from "./endpoint-rounds.js";
import { median } from "./stats.js";

/** One turn as a worker reports it. */
export interface Turn {
  calls: number;
  wallMs: number;
  cpuMs: number;
}

/** An endpoint figure measured in turns: wall time as {@link EndpointFigure}, and CPU time beside it. */
export interface TurnsFigure extends EndpointFigure {
  /** Median over the rounds of each library's CPU time per resolution, ms (the worker process alone: user + system). */
  cpuMs: { credchain: number; sdk: number };
  /** SDK CPU time ÷ credchain CPU time in each round. */
  cpuRatios: number[];
}

const TURN_MS = 20;
// Long enough for both libraries' code to reach V8's optimizing tiers: with 250 ms the rounds'
// ratios still moved with how far each side had warmed up.
const WARMUP_MS = 500;

/**
 * A fresh provider per resolution against a metadata endpoint emulator, credchain and the SDK
 * taking turns: each round starts one process per library, then alternates them every ~20 ms
 * (A B B A …) until each has run `timeMs` after a warm-up, so a change in the machine's load
 * lands on both alike instead of on whichever process happened to run then (on a busy 2-core
 * machine, rounds of separate processes one after the other gave ratios from 0.4 to 3.4 for the
 * same code). Per round, wall and CPU time per resolution for each library; the figure is the
 * median over rounds of the SDK ÷ credchain ratio. Requests are counted per turn.
 *
 * @example
 * ```ts
 * const imds = await endpointTurns("imds", cleanEnv(emulator.env), () => emulator.requests.length, { rounds: 7, timeMs: 750 });
 * ```
 */
export async function endpointTurns(
  scenario: "imds" | "container" | "request",
  env: Record<string, string>,
  requestsSoFar: () => number,
  { rounds, timeMs }: { rounds: number; timeMs: number },
): Promise<TurnsFigure> {
  const per = { credchain: { wall: [] as number[], cpu: [] as number[] }, sdk: { wall: [] as number[], cpu: [] as number[] } };
  const totals = { credchain: { requests: 0, calls: 0 }, sdk: { requests: 0, calls: 0 } };
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  // A tiny run (tests, --quick) warms up as briefly as it measures.
  const warmupMs = Math.min(WARMUP_MS, timeMs);
  for (let round = 0; round < rounds; round++) {
    const workers = { credchain: await startWorker(scenario, "credchain", env), sdk: await startWorker(scenario, "sdk", env) };
    const sums = { credchain: { calls: 0, wallMs: 0, cpuMs: 0 }, sdk: { calls: 0, wallMs: 0, cpuMs: 0 } };
    try {
      for (let i = 0, spent = { credchain: 0, sdk: 0 }; spent.credchain < warmupMs + timeMs || spent.sdk < warmupMs + timeMs; i++) {
        // A B B A, A first in even rounds and B in odd ones: neither library always follows the other.
        const lib = (i % 4 == 0 || i % 4 == 3) == (round % 2 == 0) ? "credchain" : "sdk";
        const before = requestsSoFar();
        const turn = await workers[lib].turn(TURN_MS);
        const warm = spent[lib] >= warmupMs;
        spent[lib] += turn.wallMs;
        if (!warm) continue;
        sums[lib].calls += turn.calls;
        sums[lib].wallMs += turn.wallMs;
        sums[lib].cpuMs += turn.cpuMs;
        totals[lib].requests += requestsSoFar() - before;
        totals[lib].calls += turn.calls;
      }
    } finally {
      await Promise.all([workers.credchain.close(), workers.sdk.close()]);
    }
    for (const lib of ["credchain", "sdk"] as const) {
      per[lib].wall.push(sums[lib].wallMs / sums[lib].calls);
      per[lib].cpu.push(sums[lib].cpuMs / sums[lib].calls);
    }
    ratios.push((per.sdk.wall[round] as number) / (per.credchain.wall[round] as number));
    cpuRatios.push((per.sdk.cpu[round] as number) / (per.credchain.cpu[round] as number));
  }
  const figure = (lib: "credchain" | "sdk") => ({ meanMs: median(per[lib].wall), requestsPerResolution: totals[lib].requests / totals[lib].calls });
  return {
    credchain: figure("credchain"),
    sdk: figure("sdk"),
    ratios,
    cpuMs: { credchain: median(per.credchain.cpu), sdk: median(per.sdk.cpu) },
    cpuRatios,
  };
}

interface TurnWorker {
  /** Runs resolutions for about `ms`, then reports. */
  turn(ms: number): Promise<Turn>;
  close(): Promise<void>;
}

/** `node dist/worker.js <scenario> <lib> {"turns":true}`: ready once it has resolved once, then one turn per line asked. */
function startWorker(scenario: string, lib: string, env: Record<string, string>): Promise<TurnWorker> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [distFile("worker.js"), scenario, lib, JSON.stringify({ turns: true })], { env });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`worker ${scenario}/${lib} ended: ${err.slice(0, 800)}`);
    return value as string;
  };
  return next().then((ready) => {
    if (ready !== "ready") throw new Error(`worker ${scenario}/${lib} said ${ready.slice(0, 200)}`);
    return {
      async turn(ms) {
        child.stdin.write(`${ms}\n`);
        return JSON.parse(await next()) as Turn;
      },
      close: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.on("close", () => resolve());
          child.stdin.end();
        }),
    };
  });
}
