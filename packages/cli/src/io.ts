import type { Env } from "@credchain/core";

/** What the CLI reads and writes, injectable so tests run `main` in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Env;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Exit codes: documented in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
