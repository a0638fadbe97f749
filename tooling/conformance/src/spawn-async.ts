import { spawn } from "node:child_process";

/** What a finished child process did (the shape of spawnSync's answer that the runners read). */
export interface SpawnResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/**
 * `spawnSync` without blocking the event loop: the scenario's emulators answer from this very
 * process, so the runner must keep serving them while botocore or the CLI talks to them.
 * A child still running after `timeoutMs` is killed (status null, `error` says why). `input`, when
 * given, is written to the child's stdin, which is then closed.
 *
 * @example
 * ```ts
 * const r = await spawnAsync("python3", ["-c", "print(1)"], { env: {}, cwd: "/tmp", timeoutMs: 5000 });
 * r.stdout; // "1\n"
 * ```
 */
export function spawnAsync(
  command: string,
  args: string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs: number; input?: string | undefined },
): Promise<SpawnResult> {
  return new Promise((resolve) => {
    // stdin is closed once `input` (or nothing) is written: a prompt reads end-of-file, never hangs.
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: "pipe" });
    child.stdin.on("error", () => {}); // a child that exits without reading: EPIPE is not our failure
    child.stdin.end(options.input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let error: Error | undefined;
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      error = new Error(`${command} timed out after ${options.timeoutMs} ms`);
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("error", (e) => {
      error = e;
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        status: error === undefined ? code : null,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ...(error !== undefined && { error }),
      });
    });
  });
}
