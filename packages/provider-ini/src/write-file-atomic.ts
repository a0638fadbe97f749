import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

/**
 * Writes a file so readers see the old or the new content, never half of either: a temp file in
 * the same directory, flushed, then renamed over. A new file gets `mode` (0600: it may hold
 * keys); an existing file keeps its own mode. Missing directories are made with 0700.
 */
export async function writeFileAtomic(path: string, content: string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const existing = await stat(path).then(
    (s) => s.mode & 0o777,
    () => undefined,
  );
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
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
