/** Cap for config, credentials and boto files: far above any real one, far below a runaway read. */
export const CONFIG_FILE_MAX_BYTES = 16_777_216; // 16 MiB, a literal: `16 * 1024 * 1024` stays in every bundle, even unused
/** Cap for token files (web identity, container authorization) and the SSO, login and role caches. */
export const TOKEN_FILE_MAX_BYTES = 1_048_576; // 1 MiB

/** Options of {@link readRegularFile} and of the context's `readFile`. */
export interface ReadFileOptions {
  /** Refuse a file larger than this (fs error code `EFBIG`), without reading the rest. Default: {@link CONFIG_FILE_MAX_BYTES}. */
  maxBytes?: number;
}

/**
 * An fs-style error: a `code` callers test as they test ENOENT, plus what {@link describeReadError}
 * words it with (`kind` of a non-regular file, the cap `maxBytes`).
 */
function fileError(code: "ENOTREG" | "EISDIR" | "EFBIG", path: string, what: string, extra?: { kind?: string; maxBytes?: number }): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, open '${path}'`), { code, path, syscall: "open", ...extra });
}

/**
 * Reads a UTF-8 file the one way credchain reads every local file: opened once, non-blocking (a
 * FIFO with no writer cannot stall the open), checked on the open descriptor to be a regular
 * file (no stat-then-open race), and read up to a cap. Throws an fs-style error whose
 * `code` says why: the open's own (`ENOENT`, `EACCES`, `ELOOP` for a symlink loop, …),
 * `EISDIR` for a directory, `ENOTREG` for anything else that is not a regular file (FIFO,
 * `/dev/zero`, socket; `kind` says which), `EFBIG` for a file over `maxBytes` (set on the error
 * too). {@link describeReadError} turns any of them into words for a message.
 *
 * Synchronous, as botocore reads: a config or token file is a few kilobytes of local disk. Going
 * through libuv's thread pool instead (four round trips, the pool's threads started on first use)
 * cost a cold start from env about 1 ms; and an async reader turns every absent file into a
 * promise rejected before anyone awaits it, which costs Node's unhandled-rejection bookkeeping
 * about 0.5 ms the first time and again at exit.
 *
 * @example
 * ```ts
 * const text = readRegularFile("/home/me/.aws/config", { maxBytes: CONFIG_FILE_MAX_BYTES });
 * ```
 */
export function readRegularFile(path: string, options: ReadFileOptions = {}): string {
  const maxBytes = options.maxBytes ?? CONFIG_FILE_MAX_BYTES;
  // node:fs through getBuiltinModule: Node has loaded it already; an ESM import would build its namespace.
  const fs = process.getBuiltinModule("node:fs");
  const { O_RDONLY, O_NONBLOCK = 0, O_NOCTTY = 0 } = fs.constants;
  const fd = fs.openSync(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) throw fileError("EISDIR", path, "is a directory");
    if (!stats.isFile()) throw fileError("ENOTREG", path, "not a regular file", { kind: stats.isFIFO() ? "a FIFO" : stats.isSocket() ? "a socket" : "a device" });
    const tooBig = () => fileError("EFBIG", path, `larger than ${maxBytes} bytes`, { maxBytes });
    if (stats.size > maxBytes) throw tooBig();
    // One byte past the cap tells a file that grew since fstat from one that fits exactly.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    for (let length = 0, n; ; ) {
      length += n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return buffer.toString("utf8", 0, length);
      if (length > maxBytes) throw tooBig();
      // Still more (the file grew, or reports size 0 as /proc does): a bigger buffer, up to the cap.
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 65536), maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}
