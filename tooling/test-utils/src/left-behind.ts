import { readFile } from "node:fs/promises";

/** Processes a test's helper leaves behind (a daemon holding a pipe), each known by the pid file it writes. */
export interface LeftBehind {
  /** Remembers `path` as a pid file to kill from, and returns it. */
  pidFile(path: string): string;
  /** SIGKILLs every process named by a remembered pid file (missing files and gone processes are fine), and forgets them. */
  killAll(): Promise<void>;
}

/**
 * A tracker for processes a helper script starts and leaves running (`sleep 60 & echo $! > pid`),
 * so each test kills its own and never a process it did not start.
 *
 * @example
 * ```ts
 * const left = leftBehind();
 * afterEach(() => left.killAll());
 * const pid = left.pidFile(join(dir, "daemon.pid")); // the helper writes `echo $! > <pid>`
 * ```
 */
export function leftBehind(): LeftBehind {
  const files: string[] = [];
  return {
    pidFile(path) {
      files.push(path);
      return path;
    },
    async killAll() {
      for (const file of files.splice(0)) {
        const pid = Number(await readFile(file, "utf8").catch(() => "0"));
        try {
          if (pid > 0) process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    },
  };
}
