import { readRegularFile, type ReadFileOptions } from "./read-regular-file.js";
import { withFileLock, type FileLockOptions } from "./with-file-lock.js";
import { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic.js";

export interface UpdateFileOptions extends FileLockOptions, WriteFileAtomicOptions, ReadFileOptions {}

/**
 * A read-modify-write of a file other processes write too (`~/.aws/config`, a cache entry): takes
 * the file's lock ({@link withFileLock}), re-reads it under the lock (`undefined` when it does not
 * exist; other read errors, such as `ENOTREG`, reject), and replaces it atomically
 * ({@link writeFileAtomic}) with what `edit` returns; `undefined` leaves it as it is. Resolves to
 * whether it wrote. So concurrent writers each apply their edit to the other's result: none is lost.
 *
 * @example
 * ```ts
 * await updateFile("/home/me/.aws/config", (text = "") => `${text}[profile dev]\nregion = eu-west-1\n`);
 * ```
 */
export function updateFile(
  path: string,
  edit: (current: string | undefined) => string | undefined | Promise<string | undefined>,
  options: UpdateFileOptions = {},
): Promise<boolean> {
  return withFileLock(
    path,
    async () => {
      let current: string | undefined;
      try {
        current = readRegularFile(path, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      const next = await edit(current);
      if (next === undefined) return false;
      await writeFileAtomic(path, next, options);
      return true;
    },
    options,
  );
}
