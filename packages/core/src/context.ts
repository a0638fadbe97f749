import { readFile as fsReadFile } from "node:fs/promises";
import { homedir as osHomedir } from "node:os";
import { fetchTransport, type Transport } from "./transport.js";

export type Env = Readonly<Record<string, string | undefined>>;

export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
}

/** Everything a provider reads from the outside world, injectable so tests need no mocks. */
export interface ProviderContextInit {
  /** Environment variables. Default: `process.env`. */
  env?: Env;
  /** Home directory. Default: `env.HOME`, then `env.USERPROFILE`, then `os.homedir()` (as Python's expanduser). */
  homedir?: string;
  /** Reads a UTF-8 file; rejects with the fs error (code ENOENT, EACCES, …). Default: `fs.promises.readFile`. */
  readFile?: (path: string) => Promise<string>;
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** Debug and warning lines, never with secrets. Default: silent unless `CREDCHAIN_DEBUG` is set. */
  logger?: Logger;
  /** HTTP for providers that call endpoints. Default: `fetchTransport()` (Node's built-in fetch). */
  transport?: Transport;
}

export interface ProviderContext {
  env: Env;
  homedir: string;
  readFile: (path: string) => Promise<string>;
  now: () => number;
  logger: Logger;
  transport: Transport;
}

const silent: Logger = { debug() {}, warn() {} };

/** Writes `[credchain] …` lines to stderr; `debug` lines only when asked for. */
export function stderrLogger(debug: boolean): Logger {
  return {
    debug: debug ? (m) => process.stderr.write(`[credchain] ${m}\n`) : () => {},
    warn: (m) => process.stderr.write(`[credchain] warning: ${m}\n`),
  };
}

export function resolveContext(init: ProviderContextInit = {}): ProviderContext {
  const env = init.env ?? process.env;
  return {
    env,
    homedir: init.homedir ?? (env.HOME || env.USERPROFILE || osHomedir()),
    readFile: init.readFile ?? ((p) => fsReadFile(p, "utf8")),
    now: init.now ?? Date.now,
    logger: init.logger ?? (env.CREDCHAIN_DEBUG ? stderrLogger(true) : silent),
    transport: init.transport ?? fetchTransport(),
  };
}
