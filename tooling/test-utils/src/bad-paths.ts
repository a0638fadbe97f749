import { execFileSync } from "node:child_process";
import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Paths of every kind a credchain file reader must refuse at once, without blocking or reading on. */
export interface BadPaths {
  /** A FIFO with no writer: a blocking open waits forever. */
  fifo: string;
  /** `/dev/zero`: a device whose reads never end. */
  devZero: string;
  /** A directory. */
  directory: string;
  /** A symlink to a path that does not exist. */
  danglingSymlink: string;
  /** A sparse file one byte over the cap given to {@link makeBadPaths}. */
  overCap: string;
}

export type BadPathKind = keyof BadPaths;

/** Every kind, in a fixed order for `it.each`. */
export const BAD_PATH_KINDS: readonly BadPathKind[] = ["fifo", "devZero", "directory", "danglingSymlink", "overCap"];

/**
 * How `describeReadError` (core) words each kind: the words that follow the path in a message
 * (the over-cap text up to the cap, which depends on the file).
 */
export const BAD_PATH_REASONS: Readonly<Record<BadPathKind, string>> = {
  fifo: "is not a regular file (a FIFO)",
  devZero: "is not a regular file (a device)",
  directory: "is a directory",
  danglingSymlink: "does not exist",
  overCap: "is over credchain's ",
};

/**
 * Puts one bad kind of thing at `path` (whose parent must exist), e.g. where a cache file is
 * looked for: a FIFO (`mkfifo`), a symlink to `/dev/zero`, a directory, a dangling symlink, or a
 * sparse file of `capBytes + 1` bytes (no disk used).
 *
 * @example
 * ```ts
 * await makeBadPath("fifo", join(home, ".aws/sso/cache", `${sha1("corp")}.json`), TOKEN_FILE_MAX_BYTES);
 * ```
 */
export async function makeBadPath(kind: BadPathKind, path: string, capBytes: number): Promise<string> {
  if (kind === "fifo") execFileSync("mkfifo", [path]);
  else if (kind === "devZero") await symlink("/dev/zero", path);
  else if (kind === "directory") await mkdir(path);
  else if (kind === "danglingSymlink") await symlink(`${path}.nowhere`, path);
  else {
    await writeFile(path, "");
    await truncate(path, capBytes + 1);
  }
  return path;
}

/**
 * One path of each bad kind under `dir` (which must exist), made by {@link makeBadPath};
 * `devZero` is `/dev/zero` itself.
 *
 * @example
 * ```ts
 * const bad = await makeBadPaths(home.dir, TOKEN_FILE_MAX_BYTES);
 * it.each(BAD_PATH_KINDS)("refuses a %s", async (kind) => { ... bad[kind] ... });
 * ```
 */
export async function makeBadPaths(dir: string, capBytes: number): Promise<BadPaths> {
  const paths = { devZero: "/dev/zero" } as BadPaths;
  for (const kind of BAD_PATH_KINDS) {
    if (kind !== "devZero") paths[kind] = await makeBadPath(kind, join(dir, `bad-${kind}`), capBytes);
  }
  return paths;
}
