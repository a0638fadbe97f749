/** A seeded random source for property and fuzz tests: the same seed gives the same cases. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `n` characters drawn from `alphabet`. */
  chars(alphabet: string, n: number): string;
}

/**
 * mulberry32: tiny, fast and good enough to generate test inputs (not for anything secret).
 *
 * @example
 * ```ts
 * const rnd = prng(42);
 * rnd.pick(["a", "b"]);
 * ```
 */
export function prng(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    chars: (alphabet, n) => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join(""),
  };
}

/**
 * The seed of a run: `fixed` (so CI runs the same cases every time), or `CREDCHAIN_SEED` to try
 * others (`CREDCHAIN_SEED=random` picks one). Tests print it on failure.
 */
export function testSeed(fixed: number, env: NodeJS.ProcessEnv = process.env): number {
  const given = env.CREDCHAIN_SEED;
  if (given === "random") return Math.floor(Math.random() * 2 ** 31);
  return given ? Number(given) : fixed;
}
