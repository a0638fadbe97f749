import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EXIT, type CliIo } from "./io.js";
import type { ParsedArgs } from "./parse-args.js";

// The CLI as installed: dist/ and src/ both sit next to bin/.
const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));

/** What the background server tells the command that started it, over the IPC channel. */
interface Message {
  stdout?: string;
  stderr?: string;
  ready?: true;
}

/** The same `serve` options for the child, --daemon swapped for the internal --daemon-child. */
function childArgv(args: ParsedArgs): string[] {
  const argv = ["serve"];
  for (const [name, value] of Object.entries(args.options)) {
    if (name !== "daemon") argv.push(value === true ? `--${name}` : `--${name}=${value}`);
  }
  return [...argv, "--daemon-child"];
}

/**
 * `serve --daemon`: starts the server as a detached child (its own session, stdio on /dev/null,
 * so `eval "$(credchain serve --daemon)"` does not wait on it), relays what it prints until it is
 * up, adds `CREDCHAIN_SERVE_PID`, and returns. A failure to start is the child's own message and
 * exit code.
 */
export function serveInBackground(args: ParsedArgs, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...childArgv(args)], {
      env: io.env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    let settled = false;
    const settle = (code: number) => {
      if (settled) return;
      settled = true;
      resolve(code);
    };
    child.on("message", (m: Message) => {
      if (m.stdout) io.stdout(m.stdout);
      if (m.stderr) io.stderr(m.stderr);
      if (!m.ready) return;
      io.stdout(`export CREDCHAIN_SERVE_PID=${child.pid}\n`);
      io.stderr(`credchain: the server runs in the background as process ${child.pid}; kill "$CREDCHAIN_SERVE_PID" stops it\n`);
      child.disconnect();
      child.unref();
      settle(EXIT.ok);
    });
    // "close", not "exit": every message the child sent has been read by then.
    child.on("close", (code) => settle(code ?? EXIT.failed));
    child.on("error", (error) => {
      io.stderr(`credchain: cannot start the server in the background: ${error.message}\n`);
      settle(EXIT.failed);
    });
  });
}

/** The background server's side: output goes to the parent until `ready()`, then nowhere. */
export interface DaemonChild {
  io: CliIo;
  /** Tells the parent the server is up, and cuts the channel. */
  ready(): Promise<void>;
  /** Waits until everything sent has been handed to the channel (before exiting on a failure). */
  flush(): Promise<void>;
}

/** The IO of a `serve --daemon-child` started by `serveInBackground`; undefined otherwise. */
export function daemonChildIo(args: ParsedArgs, io: CliIo): DaemonChild | undefined {
  if (args.options["daemon-child"] !== true || typeof process.send !== "function") return undefined;
  let pending: Promise<void> = Promise.resolve();
  const send = (message: Message) => {
    if (!process.connected) return;
    pending = pending.then(() => new Promise<void>((resolve) => process.send!(message, () => resolve())));
  };
  return {
    io: { ...io, stdout: (text) => send({ stdout: text }), stderr: (text) => send({ stderr: text }) },
    flush: () => pending,
    async ready() {
      send({ ready: true });
      await pending;
      if (process.connected) process.disconnect();
    },
  };
}
