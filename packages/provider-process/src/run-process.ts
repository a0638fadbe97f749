import type { Env } from "@credchain/core/local";

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
 * After the command exits, how long its pipes may stay quiet before we stop reading. What it
 * wrote before exiting is already in the pipe and arrives in the next turn of the event loop;
 * only a process it left behind (a daemon holding stdout) can keep the pipe open past that.
 */
export const DRAIN_QUIET_MS = 50;

/**
 * Runs `argv` without a shell, as botocore's `Popen(argv, stdout=PIPE, stderr=PIPE)`: stdin is
 * inherited (a process may prompt on the terminal), stdout and stderr are collected. Never
 * rejects: every way it can end is a {@link RunProcessResult}.
 *
 * The answer comes when the command exits and its pipes are drained (read until they close or
 * stay quiet for {@link DRAIN_QUIET_MS}), not when stdout closes: a daemon the command started,
 * which inherited stdout and holds it open, does not keep the caller waiting (botocore's
 * `communicate()` waits for end of file, so it waits for the daemon too). The timeout, the output
 * cap and the abort apply until the answer.
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
    let exited: [exitCode: number | null, signal: NodeJS.Signals | null] | undefined;
    let quiet: NodeJS.Timeout | undefined;
    let lastLook: NodeJS.Immediate | undefined;

    const child = process.getBuiltinModule("node:child_process").spawn(file, args, {
      env: definedOnly(options.env),
      stdio: ["inherit", "pipe", "pipe"],
      windowsHide: true,
    });

    // Stop reading and answer: whatever still holds the pipes (a grandchild) must not keep us waiting.
    const finish = (result: RunProcessResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(quiet);
      clearImmediate(lastLook);
      options.signal?.removeEventListener("abort", onAbort);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve(result);
    };
    const exitedResult = (): RunProcessResult => ({
      kind: "exited",
      exitCode: exited![0],
      signal: exited![1],
      stdout: Buffer.concat(stdout),
      stderr: Buffer.concat(stderr),
    });
    // After the exit, every chunk restarts the quiet period: output still arriving is read to its end.
    // When it ends, one more turn of the event loop (setImmediate runs after the poll phase) reads
    // what a busy loop has not read yet: the timer may fire first when the process was descheduled.
    const drain = () => {
      if (!exited) return;
      clearTimeout(quiet);
      clearImmediate(lastLook);
      quiet = setTimeout(() => (lastLook = setImmediate(() => finish(exitedResult()))), DRAIN_QUIET_MS);
    };
    // The command is killed if still running; a process it left behind is not ours to kill. Past
    // its exit, a timeout only ends the reading (a process left behind still writing).
    const stop = (result: RunProcessResult) => {
      if (exited && result.kind === "timeout") return finish(exitedResult());
      if (!exited) child.kill("SIGKILL");
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
      drain();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderrBytes < MAX_STDERR_BYTES) {
        stderr.push(chunk);
        stderrBytes += chunk.length;
      }
      drain();
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      // "error" without a pid is a failed spawn; after a spawn it is a failed kill, and "exit" follows.
      if (child.pid === undefined) finish({ kind: "spawn-failed", error });
    });
    child.on("exit", (exitCode, signal) => {
      exited = [exitCode, signal];
      drain();
    });
    // Both pipes closed after the exit: nothing more can come, answer at once. (A failed spawn
    // may close too, with no exit: it has answered already.)
    child.on("close", () => exited && finish(exitedResult()));
  });
}

/** An injected env may hold undefined values (`Env` allows them): such keys are left out, not passed as text. */
function definedOnly(env: Env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
