import { dirname, join, basename } from "node:path";
import { nodeCrypto, nodeFsPromises } from "./lazy-builtins.js";

export interface WriteFileAtomicOptions {
  /** Mode of a new file. Default: 0600 (it may hold keys or tokens). */
  mode?: number;
  /** An existing file keeps its own mode (a user's config file), instead of getting `mode` (a cache). Default: true. */
  keepExistingMode?: boolean;
}

/**
 * Writes a file so readers (a concurrent `aws`) see the old or the new content, never half of
 * either: a temp file in the same directory, flushed, then renamed over, as botocore's
 * JSONFileCache does. Missing directories are made with 0700.
 */
export async function writeFileAtomic(path: string, content: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const { chmod, mkdir, open, rename, rm, stat } = nodeFsPromises();
  const mode = options.mode ?? 0o600;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const existing =
    options.keepExistingMode === false
      ? undefined
      : await stat(path).then(
          (s) => s.mode & 0o777,
          () => undefined,
        );
  const temp = join(dir, `.${basename(path)}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", existing ?? mode);
  try {
    await handle.writeFile(content, "utf8");
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    // open() applies the umask; set the mode we meant.
    await chmod(temp, existing ?? mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
