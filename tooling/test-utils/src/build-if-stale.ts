import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Modification times (ms) of every file under `dir`. */
function mtimes(dir: string): number[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs);
}

/**
 * Runs the `build` script of the package in `dir` when its `dist/` is missing or older than its
 * `src/` or `package.json`, so tests that run a package's dist (its bin, or a devDependency's
 * entry) see the current source when run on their own. Under turbo the build has just run and
 * nothing is rebuilt, so dist is never rewritten while other packages' tests read it, and it is
 * always what the package's own build makes (ES modules and CommonJS), never a partial rebuild.
 *
 * @example
 * ```ts
 * // vitest globalSetup
 * export default () => buildIfStale(fileURLToPath(new URL("..", import.meta.url)));
 * ```
 */
export function buildIfStale(dir: string): void {
  const dist = join(dir, "dist");
  const built = existsSync(dist) ? Math.min(...mtimes(dist)) : -Infinity;
  const source = Math.max(statSync(join(dir, "package.json")).mtimeMs, ...mtimes(join(dir, "src")));
  if (built >= source) return;
  execFileSync("pnpm", ["run", "build"], { cwd: dir, stdio: "inherit" });
}
