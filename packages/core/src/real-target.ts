import { dirname, resolve } from "node:path";
import { nodeFsPromises } from "./lazy-builtins.js";

/** Linux's limit on symlinks followed in one lookup. */
const MAX_HOPS = 40;

/**
 * The file a write to `path` really changes: the path itself, or, when it is a symlink (a dotfile
 * manager's `~/.aws/credentials -> ~/dotfiles/aws/credentials`), the file at the end of its links,
 * which need not exist yet. Writers replace that file and lock next to it, so the link stays a
 * link and two paths to one file share one lock. Rejects with `ELOOP` for a symlink loop.
 *
 * @example
 * ```ts
 * await realTarget("/home/me/.aws/credentials"); // "/home/me/dotfiles/aws/credentials"
 * ```
 */
export async function realTarget(path: string): Promise<string> {
  const { lstat, readlink } = nodeFsPromises();
  let target = resolve(path);
  for (let hops = 0; ; hops++) {
    const stats = await lstat(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (!stats?.isSymbolicLink()) return target;
    if (hops === MAX_HOPS) throw Object.assign(new Error(`ELOOP: too many symbolic links encountered, open '${path}'`), { code: "ELOOP", path });
    target = resolve(dirname(target), await readlink(target));
  }
}
