// Kept apart from context.ts so a provider that makes no HTTP call never bundles the transport.

export type Env = Readonly<Record<string, string | undefined>>;

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Everything a provider that calls no endpoint reads from the outside world, injectable so tests need no mocks. */
export interface LocalContextInit {
  /** Environment variables. Default: `process.env`. */
  env?: Env;
  /** Home directory. Default: `env.HOME`, then `env.USERPROFILE`, then `os.homedir()` (as Python's expanduser). */
  homedir?: string;
  /** Reads a UTF-8 file; rejects with the fs error (code ENOENT, EACCES, …). Default: `fs.readFile` (node:fs is loaded at startup; node:fs/promises is not). */
  readFile?: (path: string) => Promise<string>;
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** Debug and warning lines, never with secrets. Default: silent unless `CREDCHAIN_DEBUG` is set. */
  logger?: Logger;
}

export interface LocalContext {
  env: Env;
  homedir: string;
  readFile: (path: string) => Promise<string>;
  now: () => number;
  logger: Logger;
}

const silent: Logger = { debug() {}, warn() {} };

/** Writes `[credchain] …` lines to stderr; `debug` lines only when asked for. */
export function stderrLogger(debug: boolean): Logger {
  const write = (m: string) => process.stderr.write(`[credchain] ${m}\n`);
  return { debug: debug ? write : () => {}, warn: (m) => write(`warning: ${m}`) };
}

/**
 * The logger a provider uses: the injected one, else stderr when `CREDCHAIN_DEBUG` is set, else silent.
 *
 * @example
 * ```ts
 * resolveLogger(undefined, process.env).debug("env: looking");
 * ```
 */
export function resolveLogger(logger: Logger | undefined, env: Env): Logger {
  return logger ?? (env.CREDCHAIN_DEBUG ? stderrLogger(true) : silent);
}

/**
 * {@link resolveContext} without `transport`: for providers that read only env and files.
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
    homedir: init.homedir ?? (env.HOME || env.USERPROFILE || process.getBuiltinModule("node:os").homedir()),
    readFile: init.readFile ?? readUtf8,
    now: init.now ?? Date.now,
    logger: resolveLogger(init.logger, env),
  };
}

// node:fs and node:os through getBuiltinModule, not import: Node has loaded both already, and an
// ES module import of a built-in builds its namespace (~1.5 ms of a cold start for these two).
function readUtf8(path: string): Promise<string> {
  const { readFile } = process.getBuiltinModule("node:fs");
  return new Promise((resolve, reject) => readFile(path, "utf8", (error, text) => (error ? reject(error) : resolve(text))));
}
