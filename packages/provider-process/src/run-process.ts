import type { Env } from "@credchain/core";

export interface RunProcessOptions {
  /** The child's whole environment (botocore passes its own `os.environ`). */
  env: Env;
  /** SIGKILL the child after this long; `Infinity` waits forever. */
  timeoutMs: number;
  /** SIGKILL the child once its stdout passes this many bytes. */
  maxOutputBytes: number;
  signal?: AbortSignal | undefined;
}

export type RunProcessResult =
  | { kind: "exited"; exitCode: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: Buffer }
  /** The command could not be started (ENOENT, EACCES, …): botocore's Popen raising OSError. */
  | { kind: "spawn-failed"; error: NodeJS.ErrnoException }
  | { kind: "timeout" }
  | { kind: "too-much-output" }
  | { kind: "aborted" };

/** Enough stderr for an error message; a chatty process must not fill memory. */
const MAX_STDERR_BYTES = 64 * 1024;
/** setTimeout fires at once for longer delays. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `argv` without a shell, as botocore's `Popen(argv, stdout=PIPE, stderr=PIPE)`: stdin is
 * inherited (a process may prompt on the terminal), stdout and stderr are collected. Never
 * rejects: every way it can end is a {@link RunProcessResult}.
 *
 * @example
 * ```ts
 * const r = await runProcess([process.execPath, "-e", "console.log(1)"], { env: process.env, timeoutMs: 5000, maxOutputBytes: 1024 });
 * if (r.kind === "exited") console.log(r.exitCode, r.stdout.toString()); // 0 "1\n"
 * ```
 */
export function runProcess(argv: readonly string[], options: RunProcessOptions): Promise<RunProcessResult> {
  const [file, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    if (options.signal?.aborted) return resolve({ kind: "aborted" });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let settled = false;

    const child = process.getBuiltinModule("node:child_process").spawn(file, args, {
      env: definedOnly(options.env),
      stdio: ["inherit", "pipe", "pipe"],
      windowsHide: true,
    });

    const finish = (result: RunProcessResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(result);
    };
    // Kill, stop reading, and answer now: a grandchild holding the pipes open must not keep us waiting.
    const stop = (result: RunProcessResult) => {
      if (settled) return;
      child.kill("SIGKILL");
      child.stdout.destroy();
      child.stderr.destroy();
      finish(result);
    };
    const onAbort = () => stop({ kind: "aborted" });
    options.signal?.addEventListener("abort", onAbort, { once: true });
    // Infinity (botocore's behaviour: wait forever) or beyond setTimeout's range: no timer.
    const timer = options.timeoutMs <= MAX_TIMER_MS ? setTimeout(() => stop({ kind: "timeout" }), options.timeoutMs) : undefined;

    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > options.maxOutputBytes) return stop({ kind: "too-much-output" });
      stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderrBytes >= MAX_STDERR_BYTES) return;
      stderr.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      // "error" without a pid is a failed spawn; after a spawn it is a failed kill, and "close" follows.
      if (child.pid === undefined) finish({ kind: "spawn-failed", error });
    });
    child.on("close", (exitCode, signal) => {
      finish({ kind: "exited", exitCode, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
}

/** An injected env may hold undefined values (`Env` allows them): such keys are left out, not passed as text. */
function definedOnly(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
