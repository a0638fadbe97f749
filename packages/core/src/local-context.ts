// Kept apart from context.ts so a provider that makes no HTTP call never bundles the transport.
import { readRegularFile, type ReadFileOptions } from "./read-regular-file.js";

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where providers write what they do, never with secrets: the AWS SDK's logger shape, so an SDK
 * logger (or `console`) can be passed. `debug` is detail for CREDCHAIN_DEBUG; `info` is progress
 * a person waiting may want (an STS retry); `warn` a problem worked around; `error` is unused by
 * the providers (they throw) and there for the SDK's shape.
 */
export interface Logger {
  debug(message: string): void;
  info?(message: string): void;
  warn(message: string): void;
  error?(message: string): void;
}

/** Everything a provider that calls no endpoint reads from the outside world, injectable so tests need no mocks. */
export interface LocalContextInit {
  /** Environment variables. Default: `process.env`. */
  env?: Env;
  /**
   * Home directory. Default: `env.HOME` (set to "" it is `/`, as Python's expanduser reads it:
   * `~/.aws/config` is then `/.aws/config`), else `env.USERPROFILE`, else `os.homedir()`; where
   * none is known (no HOME and no passwd entry, as for a container's arbitrary uid), `"~"`, so
   * `~/.aws/config` stays as written, as in Python, and reads as absent.
   */
  homedir?: string;
  /**
   * Reads a UTF-8 file, returning its text or a promise of it; throws (or rejects) with an
   * fs-style error (code ENOENT, EACCES, ENOTREG, EFBIG, …). Default: core's `readRegularFile`
   * (synchronous, regular files only, never blocking on a FIFO, capped).
   */
  readFile?: ReadFile;
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** Debug and warning lines, never with secrets. Default: silent unless `CREDCHAIN_DEBUG` is set. */
  logger?: Logger;
}

/** The context's file reader: its text, or a promise of it. Callers `await` it inside `try`. */
export type ReadFile = (path: string, options?: ReadFileOptions) => string | Promise<string>;

export interface LocalContext {
  env: Env;
  homedir: string;
  readFile: ReadFile;
  now: () => number;
  logger: Logger;
}

const silent: Logger = { debug() {}, warn() {} };

/**
 * Writes one `[credchain] …` line to stderr: the line every default logger writes. For a provider
 * whose only line is a debug line (`fromEnv`), beside {@link resolveLogger}'s rule.
 *
 * @example
 * ```ts
 * if (env.CREDCHAIN_DEBUG) stderrLine("env: found credentials");
 * ```
 */
export const stderrLine: (message: string) => void = (message) => process.stderr.write(`[credchain] ${message}\n`);

/**
 * Writes `[credchain] …` lines to stderr; `debug` and `info` lines only when asked for.
 *
 * @example
 * ```ts
 * const credentials = defaultChain({ logger: stderrLogger(true) });
 * ```
 */
export function stderrLogger(debug: boolean): Logger {
  const detail = debug ? stderrLine : () => {};
  return { debug: detail, info: detail, warn: (m) => stderrLine(`warning: ${m}`) };
}

/**
 * The logger a provider uses: the injected one, else stderr when `CREDCHAIN_DEBUG` is set in
 * `env` (default: `process.env`, so code that takes only a logger never reads the environment
 * itself), else silent.
 *
 * @example
 * ```ts
 * resolveLogger(undefined, process.env).debug("env: looking");
 * ```
 */
export function resolveLogger(logger: Logger | undefined, env: Env = process.env): Logger {
  return logger ?? (env.CREDCHAIN_DEBUG ? stderrLogger(true) : silent);
}

/** The passwd entry's home; none (an arbitrary uid without HOME) leaves `~` unexpanded, as Python does. */
function userHome(): string {
  try {
    return process.getBuiltinModule("node:os").homedir();
  } catch {
    return "~";
  }
}

/**
 * `resolveContext` without `transport`: for providers that read only env and files.
 *
 * @example
 * ```ts
 * const { env, homedir, readFile } = resolveLocalContext({ env: { HOME: "/tmp/h" } });
 * ```
 */
export function resolveLocalContext(init: LocalContextInit = {}): LocalContext {
  const env = init.env ?? process.env;
  return {
    env,
    // HOME set to "" is the root, as in Python's expanduser (and "" would make joined paths relative).
    homedir: (init.homedir ?? env.HOME ?? (env.USERPROFILE || userHome())) || "/",
    readFile: init.readFile ?? readRegularFile,
    now: init.now ?? Date.now,
    logger: resolveLogger(init.logger, env),
  };
}

