import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The CLI as users run it: bin/credchain.js over the built dist. */
export const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));

export interface PtyRun {
  /** Exit code; null when the run was killed at its timeout. */
  code: number | null;
  /** What the terminal showed (the streams attached to it, in order), `\r\n` turned back into `\n`. */
  tty: string;
  /** The streams not attached to the terminal (pipes). */
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface PtyRunOptions {
  /** The child's whole environment. */
  env: Record<string, string>;
  /** Which of the CLI's streams are the terminal; the others are pipes. */
  tty: ReadonlyArray<"stdin" | "stdout" | "stderr">;
  /** Typed at the terminal once it has shown `after`. */
  answers?: ReadonlyArray<{ after: string; send: string }>;
  /** Written to stdin, when stdin is a pipe (then closed). */
  input?: string;
  /** The terminal's width. Default 100. */
  columns?: number;
  timeoutMs?: number;
}

// A real pseudo-terminal from Python's pty module: the CLI sees isatty() true on exactly the
// streams asked for, as in a terminal, without anything faked inside the process.
const SCRIPT = `
import fcntl, json, os, pty, select, signal, struct, subprocess, sys, termios, time
spec = json.loads(sys.stdin.read())
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, spec["columns"], 0, 0))
pick = lambda name: slave if name in spec["tty"] else subprocess.PIPE
p = subprocess.Popen(spec["argv"], env=spec["env"], stdin=pick("stdin"), stdout=pick("stdout"), stderr=pick("stderr"), start_new_session=True)
os.close(slave)
if p.stdin:
    p.stdin.write(spec["input"].encode())
    p.stdin.close()
names = {master: "tty"}
if p.stdout: names[p.stdout.fileno()] = "stdout"
if p.stderr: names[p.stderr.fileno()] = "stderr"
out = {"tty": b"", "stdout": b"", "stderr": b""}
answers = spec["answers"]
deadline = time.time() + spec["timeout"]
timed_out = False
while names:
    if time.time() > deadline:
        timed_out = True
        os.killpg(p.pid, signal.SIGKILL)
        break
    ready, _, _ = select.select(list(names), [], [], 0.05)
    for f in ready:
        try:
            data = os.read(f, 65536)
        except OSError:
            data = b""
        if not data:
            del names[f]
        else:
            out[names[f]] += data
    while answers and answers[0]["after"].encode() in out["tty"]:
        os.write(master, answers.pop(0)["send"].encode())
code = p.wait()
print(json.dumps({"code": None if timed_out else code, "timedOut": timed_out, **{k: v.decode("utf-8", "replace") for k, v in out.items()}}))
`;

/**
 * Runs `credchain <argv>` with some of its streams on a pseudo-terminal, answering prompts as a
 * person would. Asynchronous, so emulators in the test's process keep answering.
 *
 * @example
 * ```ts
 * const r = await ptyRun(["explain"], { env, tty: ["stdout"] });
 * expect(r.tty).toContain("\x1b[32m");
 * ```
 */
export function ptyRun(argv: readonly string[], options: PtyRunOptions): Promise<PtyRun> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const spec = {
    argv: [process.execPath, BIN, ...argv],
    env: options.env,
    tty: options.tty,
    answers: options.answers ?? [],
    input: options.input ?? "",
    columns: options.columns ?? 100,
    timeout: timeoutMs / 1000,
  };
  return new Promise((resolve, reject) => {
    const child = execFile("python3", ["-c", SCRIPT], { encoding: "utf8", timeout: timeoutMs + 10_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pty runner failed: ${stderr || error.message}`));
      const r = JSON.parse(stdout) as PtyRun;
      resolve({ ...r, tty: r.tty.replace(/\r\n/g, "\n") });
    });
    child.stdin?.end(JSON.stringify(spec));
  });
}
