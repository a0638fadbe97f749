import type { Logger } from "@credchain/core";
import type { CliIo } from "./io.js";

/**
 * The CLI's logger, to stderr: `debug` lines when CREDCHAIN_DEBUG is set; `info` lines (progress:
 * an STS retry) when stderr is a terminal or CREDCHAIN_DEBUG is set, never into a pipe otherwise;
 * warnings and errors always. Never secrets: providers log none.
 */
export function cliLogger(io: Pick<CliIo, "stderr" | "env" | "stderrIsTTY">): Logger {
  const debug = Boolean(io.env.CREDCHAIN_DEBUG);
  const write = (m: string) => io.stderr(`[credchain] ${m}\n`);
  const quiet = () => {};
  return {
    debug: debug ? write : quiet,
    info: debug || io.stderrIsTTY ? write : quiet,
    warn: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
  };
}
