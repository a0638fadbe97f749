import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ts from "typescript";
import { packageName } from "./declared-dependencies.js";

/** Packages only tests may import: they are dev tools, never installed for a user. */
export const TEST_ONLY_PACKAGES = ["@credchain/emulator", "@credchain/test-utils"];

const SOURCE = /\.[cm]?[jt]s$/;
const TEST_FILE = /\.test\.[cm]?[jt]s$/;

/**
 * Why the `src/` of the workspace packages (`packages/*`) holds test code, or `[]` (issue #14):
 * no test (`*.test.ts`) and no `test-*` helper under `src/` (tests and their helpers live in the
 * package's `test/`, shared ones in `tooling/test-utils`), and no file under `src/` imports the
 * emulator, the test utilities or anything under `tooling/`. Imports are read by TypeScript's
 * scanner, so a path in a comment does not count.
 *
 * @example
 * ```ts
 * expect(await sourceLayoutProblems(repoRoot)).toEqual([]);
 * ```
 */
export async function sourceLayoutProblems(root: string): Promise<string[]> {
  const problems: string[] = [];
  const packages = join(root, "packages");
  for (const name of (await readdir(packages)).sort()) {
    const src = join(packages, name, "src");
    if (!existsSync(src)) continue;
    const files = (await readdir(src, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && SOURCE.test(e.name))
      .map((e) => ({ path: join(e.parentPath, e.name), name: e.name }))
      .sort((a, b) => a.path.localeCompare(b.path));
    for (const file of files) {
      const where = relative(root, file.path);
      if (TEST_FILE.test(file.name)) problems.push(`${where}: a test in src/ (tests live in the package's test/)`);
      else if (file.name.startsWith("test-")) problems.push(`${where}: a test-* file in src/ (helpers go to the package's test/ or tooling/test-utils)`);
      const { importedFiles } = ts.preProcessFile(await readFile(file.path, "utf8"), true, true);
      const testOnly = importedFiles
        .map((i) => i.fileName)
        .filter((spec) => TEST_ONLY_PACKAGES.includes(packageName(spec)) || /(^|\/)tooling\//.test(spec));
      for (const spec of new Set(testOnly)) problems.push(`${where}: imports ${spec}, which only tests may use`);
    }
  }
  return problems;
}
