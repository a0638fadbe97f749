import { CredchainError, type Env } from "@credchain/core";

/** What the CLI reads and writes, injectable so tests run `main` in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Env;
  /** Asks for one line (an MFA code): on a TTY with the prompt on stderr, else read from stdin, as botocore does. */
  readLine?: (prompt: string) => Promise<string>;
  /** Whether stderr is a terminal: progress, prompts and colour are for people, never for a pipe or a file. */
  stderrIsTTY?: boolean;
  /** Whether stdout is a terminal (`explain` prints a table there). */
  stdoutIsTTY?: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  readLine: readStdinLine,
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  get columns() {
    return process.stdout.columns;
  },
};

/**
 * One line from stdin. On a terminal it is read as typed, with the prompt on stderr (so stdout
 * stays clean for the output) when stderr is a terminal too; from a pipe, a line is read without a prompt.
 */
async function readStdinLine(prompt: string): Promise<string> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true && process.stderr.isTTY === true });
  try {
    if (process.stdin.isTTY) return (await rl.question(process.stderr.isTTY ? prompt : "")).trim();
    for await (const line of rl) return line.trim();
    // botocore's getpass raises EOFError here: no code, so no STS call.
    throw new CredchainError({ code: "CredentialRetrieval", message: `no MFA code: stdin ended before a line was read (${prompt.trim()})` });
  } finally {
    rl.close();
  }
}

/** Exit codes: documented in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
