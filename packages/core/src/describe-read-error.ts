/**
 * Why a file could not be read, in words that follow "the file X": "does not exist", "is a
 * directory", "is not a regular file (a FIFO)", "is over credchain's 1 MiB cap for this file (not
 * read)", "cannot be read (EACCES)". Takes what {@link readRegularFile} (or any fs call)
 * rejects with; never quotes the file's contents.
 *
 * @example
 * ```ts
 * const why = await readRegularFile(path).then(() => undefined, describeReadError);
 * // "is not a regular file (a FIFO)"
 * ```
 */
export function describeReadError(error: unknown): string {
  const { code, kind, maxBytes, message } = (error ?? {}) as { code?: string; kind?: string; maxBytes?: number; message?: string };
  // Kept short: it sits in every bundle that reads a file, for failures only.
  return code === "ENOENT" || code === "ENOTDIR"
    ? "does not exist"
    : code === "EISDIR"
      ? "is a directory"
      : code === "ENOTREG"
        ? `is not a regular file${kind ? ` (${kind})` : ""}`
        : code === "EFBIG"
          ? `is over credchain's ${maxBytes ? (maxBytes % 1048576 ? `${maxBytes} bytes ` : `${maxBytes / 1048576} MiB `) : ""}cap for this file (not read)`
          : `cannot be read (${String(code ?? message ?? error)})`;
}
