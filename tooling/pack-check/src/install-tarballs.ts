import { mkdir, writeFile } from "node:fs/promises";
import { cleanEnv, runOk } from "./run.js";

/**
 * Makes `dir` an empty npm project and installs the tarballs into it with npm, as a user outside
 * this workspace would: each package's dependencies from the tarballs' manifests (our packages
 * from the tarballs themselves, third-party ones from the registry).
 *
 * @example
 * ```ts
 * await installTarballs("/tmp/app", packed.map((p) => p.tarball));
 * ```
 */
export async function installTarballs(dir: string, tarballs: string[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/package.json`, `${JSON.stringify({ name: "credchain-pack-check-app", version: "1.0.0", private: true }, null, 2)}\n`);
  await runOk("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: dir, env: cleanEnv(), timeoutMs: 240_000 });
}
