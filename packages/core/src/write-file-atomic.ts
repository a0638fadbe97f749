import { basename, dirname, join } from "node:path";
import { nodeCrypto, nodeFsPromises } from "./lazy-builtins.js";
import { realTarget } from "./real-target.js";

export interface WriteFileAtomicOptions {
  /** Mode of a new file. Default: 0600 (it may hold keys or tokens). */
  mode?: number;
  /** An existing file keeps its own mode (a user's config file), instead of getting `mode` (a cache). Default: true. */
  keepExistingMode?: boolean;
}

/**
 * Writes a file so readers (a concurrent `aws`) see the old or the new content, never half of
 * either: a temp file in the target's directory, flushed, then renamed over, as botocore's
 * JSONFileCache does. A symlink stays a symlink: the file it points to is replaced, in that
 * file's directory. An existing file keeps its owner (a root-run write leaves a user's file the
 * user's). Missing directories are made with 0700. A target that exists but is not a regular file
 * (a FIFO, a device, a directory) is refused with fs code `ENOTREG`, never replaced.
 *
 * @example
 * ```ts
 * await writeFileAtomic("/home/me/.aws/sso/cache/abc.json", "{}", { keepExistingMode: false });
 * ```
 */
export async function writeFileAtomic(path: string, content: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const { chmod, chown, lstat, mkdir, open, rename, rm } = nodeFsPromises();
  const target = await realTarget(path);
  const dir = dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // realTarget followed every link, so lstat sees the file itself.
  const existing = await lstat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw Object.assign(new Error(`ENOTREG: not a regular file, cannot replace '${target}'`), { code: "ENOTREG", path: target });
  }
  const mode = existing && options.keepExistingMode !== false ? existing.mode & 0o777 : (options.mode ?? 0o600);
  const temp = join(dir, `.${basename(target)}.${nodeCrypto().randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", mode);
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
    await chmod(temp, mode);
    // Only root can give a file away; anyone else already owns what they create.
    if (existing && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) {
      await chown(temp, existing.uid, existing.gid).catch(() => {});
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
