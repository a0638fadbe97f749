import { dirname, resolve } from "node:path";
import { nodeFsPromises } from "./lazy-builtins.js";

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
  const { readlink, realpath } = nodeFsPromises();
  for (let hops = 0; ; hops++) {
    const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    if (real) return real;
    // Missing: the file itself (to be created), or the target of a dangling link, followed here.
    const link = await readlink(path).catch(() => undefined);
    if (link === undefined || hops === 40) return resolve(path);
    path = resolve(dirname(path), link);
  }
}
