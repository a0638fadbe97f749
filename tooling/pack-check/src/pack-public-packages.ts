import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publicPackages } from "@credchain/size";
import { cleanEnv, runOk } from "./run.js";

/** One public package, packed. */
export interface PackedPackage {
  name: string;
  version: string;
  /** The package's directory in the workspace. */
  dir: string;
  /** Absolute path of its tarball. */
  tarball: string;
  /** Paths in the tarball, relative to its `package/` folder. */
  files: string[];
}

/**
 * Packs every public package of the workspace at `root` (packages/* without `private: true`) with
 * `pnpm pack`, as `pnpm publish` would (`workspace:` ranges become versions), into `destination`.
 * One recursive pnpm call: a pnpm start per package would cost half a second each.
 *
 * @example
 * ```ts
 * const packed = await packPublicPackages(root, "/tmp/tarballs");
 * ```
 */
export async function packPublicPackages(root: string, destination: string): Promise<PackedPackage[]> {
  const dirs = await publicPackages(root);
  const names = new Map<string, string>();
  for (const dir of dirs) names.set((JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { name: string }).name, dir);
  const filters = [...names.keys()].flatMap((name) => ["--filter", name]);
  const out = await runOk("pnpm", ["--recursive", ...filters, "pack", "--pack-destination", destination, "--json"], { cwd: root, env: cleanEnv() });
  const parsed = JSON.parse(out) as { name: string; version: string; filename: string; files: { path: string }[] }[] | { name: string; version: string; filename: string; files: { path: string }[] };
  return (Array.isArray(parsed) ? parsed : [parsed])
    .map((p) => ({ name: p.name, version: p.version, dir: names.get(p.name) ?? "", tarball: p.filename, files: p.files.map((f) => f.path).sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
