/** How each "no file here" code reads after "the file X …". */
const WHY: Record<string, string> = {
  ENOENT: "does not exist",
  ENOTDIR: "does not exist (a parent in its path is not a directory)",
  EISDIR: "is a directory",
  ELOOP: "is a symlink loop",
  ENAMETOOLONG: "has a name too long to open",
};

/**
 * Why a file could not be read, in words that follow "the file X": "does not exist", "is a
 * directory", "is not a regular file (a FIFO)", "is larger than 1 MiB (credchain's cap for this
 * file; not read)", "cannot be read (EACCES)". Takes what {@link readRegularFile} (or any fs call) rejects
 * with; never quotes the file's contents.
 *
 * @example
 * ```ts
 * const why = await readRegularFile(path).then(() => undefined, describeReadError);
 * // "is not a regular file (a FIFO)"
 * ```
 */
export function describeReadError(error: unknown): string {
  const e = (error ?? {}) as { code?: unknown; kind?: unknown; maxBytes?: unknown; message?: unknown };
  const { code, kind, maxBytes } = e;
  if (code === "ENOTREG") return `is not a regular file${typeof kind === "string" ? ` (${kind})` : ""}`;
  if (code === "EFBIG") {
    if (typeof maxBytes !== "number") return "is larger than credchain's cap for this file (not read)";
    return `is larger than ${maxBytes % 1048576 ? `${maxBytes} bytes` : `${maxBytes / 1048576} MiB`} (credchain's cap for this file; not read)`;
  }
  if (typeof code === "string") return WHY[code] ?? `cannot be read (${code})`;
  return `cannot be read (${typeof e.message === "string" ? e.message : String(error)})`;
}
