import { dirname } from "node:path";
import { CredchainError } from "./errors.js";
import { nodeFsPromises } from "./lazy-builtins.js";
import { readRegularFile } from "./read-regular-file.js";
import { realTarget } from "./real-target.js";

export interface FileLockOptions {
  /** Longest wait for a lock another process holds, then `LockTimeout`. Default: 20000. */
  waitMs?: number;
  /**
   * A lock untouched this long is broken even when its owner looks alive (hung, on another host,
   * or its pid reused). The holder touches its lock every quarter of this while it works, so a
   * slow refresh is never taken for a dead one. Default: 10000.
   */
  staleMs?: number;
  /** Stops waiting (rejects with the signal's reason). */
  signal?: AbortSignal | undefined;
}

/** What a lock file says about its owner. */
interface Owner {
  pid: number;
  hostname: string;
  createdAt: string;
  id: string;
}

const hostname = (): string => process.getBuiltinModule("node:os").hostname();

/**
 * Runs `fn` while holding the cross-process lock of `path`: `<file>.lock` beside the real
 * (symlink-resolved) file, made with exclusive create and holding the owner's pid, hostname and
 * start time. Waits with jittered backoff while another process holds it; breaks a stale lock
 * (its owner on this host is gone, or it has not been touched for `staleMs`); removes the lock
 * when `fn` settles. Every writer of `~/.aws/*` and the caches goes through this, so two
 * processes never interleave a read-modify-write. Rejects with `LockTimeout` naming the file and
 * the owner when the wait runs out; fs errors making the lock (EACCES, EROFS) pass through.
 *
 * @example
 * ```ts
 * await withFileLock("/home/me/.aws/credentials", async () => {
 *   // read, edit and writeFileAtomic: no other credchain process writes the file meanwhile
 * });
 * ```
 */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const fs = process.getBuiltinModule("node:fs");
  const { lstat, mkdir, unlink, utimes } = nodeFsPromises();
  const waitMs = options.waitMs ?? 20_000;
  const staleMs = options.staleMs ?? 10_000;
  const lock = `${await realTarget(path)}.lock`;
  await mkdir(dirname(lock), { recursive: true, mode: 0o700 });
  const id = Math.random().toString(36).slice(2);
  let mine = "";
  const started = Date.now();

  // Exclusive create, filled in in one synchronous step so a reader rarely sees it empty.
  const create = (file: string, text: string): boolean => {
    let fd: number;
    try {
      fd = fs.openSync(file, "wx", 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
    try {
      fs.writeSync(fd, text);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  };
  const take = () =>
    create(lock, (mine = JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString(), id } satisfies Owner)));
  const read = (file: string) => {
    try {
      return readRegularFile(file, { maxBytes: 4096 });
    } catch {
      return "";
    }
  };

  for (let attempt = 0; !take(); attempt++) {
    options.signal?.throwIfAborted();
    const held = await lstat(lock).then(
      async (s) => ({ age: Date.now() - s.mtimeMs, text: await read(lock) }),
      (error: NodeJS.ErrnoException) => error.code,
    );
    if (held === "ENOENT") continue; // released between our create and stat
    const owner = typeof held === "object" ? parseOwner(held.text) : undefined;
    if (typeof held === "object" && (held.age > staleMs || (owner !== undefined && owner.hostname === hostname() && !isAlive(owner.pid)))) {
      // What we read may already be history (its owner released it and exited; a live process
      // took a new lock): delete only the lock we judged, checked again under a guard file that
      // keeps other breakers out meanwhile. A guard left by a crashed breaker goes after staleMs.
      const guard = `${lock}.break`;
      if (create(guard, "")) {
        const broken = (await read(lock)) === held.text && (await unlink(lock).then(() => true, () => false));
        await unlink(guard).catch(() => {});
        if (broken) continue;
      } else if (await lstat(guard).then((s) => Date.now() - s.mtimeMs > staleMs, () => false)) {
        await unlink(guard).catch(() => {});
      }
    }
    const left = started + waitMs - Date.now();
    if (left <= 0) {
      const by = owner ? ` by pid ${owner.pid} on ${owner.hostname} since ${owner.createdAt}` : "";
      throw new CredchainError({
        code: "LockTimeout",
        message:
          `Could not lock ${path} within ${waitMs} ms: ${lock} is held${by}. ` +
          `If no credchain process is writing it, delete ${lock}.`,
        file: path,
      });
    }
    // Backoff from 5 ms to 100 ms, jittered so waiters do not wake in step.
    const delay = Math.min(left, Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random() / 2));
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  const touch = setInterval(() => {
    const now = new Date();
    utimes(lock, now, now).catch(() => {});
  }, staleMs / 4);
  touch.unref();
  try {
    return await fn();
  } finally {
    clearInterval(touch);
    // Remove it only if it is still ours (it is not, if it was broken as stale and retaken).
    if ((await read(lock)) === mine) await unlink(lock).catch(() => {});
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const owner = JSON.parse(text) as Partial<Owner>;
    return Number.isSafeInteger(owner.pid) && (owner.pid as number) > 0 && typeof owner.hostname === "string" ? (owner as Owner) : undefined;
  } catch {
    return undefined;
  }
}

/** Signal 0 checks the process exists; EPERM means it does, under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}
