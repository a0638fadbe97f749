import { runWorker } from "./child.js";
import { endpointRounds, type EndpointFigure } from "./endpoint-rounds.js";
import type { PerLib } from "./run.js";

/** Signing time for one query size: the median of `samples` signs in one warm process. */
export interface QuerySignTime {
  n: number;
  ms: number;
  samples: number;
}

export interface SigningFigures {
  /** `signRequest` vs `@smithy/signature-v4` called directly on the same API call, interleaved rounds. */
  throughput: EndpointFigure;
  /** Time to sign a GET with each number of query parameters, per library. */
  query: PerLib<QuerySignTime[]>;
}

// smithy direct copies the query once per key (quadratic): one sign with 8,000 parameters takes
// seconds, so the large sizes get fewer samples on that side.
const samplesFor = (lib: "credchain" | "sdk", n: number) => (lib === "sdk" ? (n >= 5000 ? 1 : n >= 500 ? 3 : 21) : n >= 5000 ? 7 : 21);

/**
 * The signing rows: throughput in interleaved rounds (a fresh process per library per round, the
 * order swapped every round), and signing time against the number of query parameters, each
 * size in a fresh process per library.
 *
 * @example
 * ```ts
 * const signing = await measureSigning(cleanEnv(credentials), { rounds: 7, timeMs: 750, queryParams: [80, 800, 8000] });
 * ```
 */
export async function measureSigning(
  env: Record<string, string>,
  { rounds, timeMs, queryParams }: { rounds: number; timeMs: number; queryParams: number[] },
): Promise<SigningFigures> {
  const throughput = await endpointRounds("sign", env, () => 0, { rounds, timeMs });
  const query: PerLib<QuerySignTime[]> = { credchain: [], sdk: [] };
  for (const n of queryParams) {
    for (const lib of ["credchain", "sdk"] as const) query[lib].push(await runWorker<QuerySignTime>("sign-query", lib, { n, samples: samplesFor(lib, n) }, env));
  }
  return { throughput, query };
}
