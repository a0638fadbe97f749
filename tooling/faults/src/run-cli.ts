import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The CLI as users run it: `bin/credchain.js` over the built `dist/`. */
export const CLI_BIN = fileURLToPath(new URL("../../../packages/cli/bin/credchain.js", import.meta.url));

export interface CliRun {
  /** Exit code; null when the run was killed (timeout or signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the CLI was still running after `timeoutMs` and was killed. */
  timedOut: boolean;
  ms: number;
}

export interface RunCliOptions {
  /** The child's whole environment (nothing is inherited, so the host's AWS settings never leak in). */
  env: Record<string, string>;
  /** Kill the CLI after this long: a hang is a failure of the case, not of the suite. Default 10 s. */
  timeoutMs?: number;
  /** Text for stdin, which is then closed. Default: stdin closed at once. */
  input?: string;
  /** V8 heap ceiling in MiB, so a runaway read fails fast instead of swapping. Default 256. */
  maxHeapMiB?: number;
  cwd?: string;
}

/**
 * Runs `credchain …` as a real child process and reports how it ended, never hanging: a run past
 * its timeout is SIGKILLed and reported with `timedOut: true`.
 *
 * @example
 * ```ts
 * const r = await runCli(["export"], { env: { HOME: dir, AWS_EC2_METADATA_DISABLED: "true" } });
 * expect(r.code).toBe(1);
 * ```
 */
export function runCli(argv: string[], options: RunCliOptions): Promise<CliRun> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.maxHeapMiB ?? 256}`, CLI_BIN, ...argv], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
      cwd: options.cwd,
      stdio: "pipe",
      // Its own process group, so a timeout kills whatever it started too (a helper, a daemon).
      detached: true,
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, options.timeoutMs ?? 10_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        ms: performance.now() - started,
      });
    });
  });
}
