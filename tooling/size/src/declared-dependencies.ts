import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { join, relative } from "node:path";
import ts from "typescript";

/** The packages a package's published files import, each with the files that import it. */
export interface PublishedImports {
  /** From its JavaScript (`dist/**\/*.js`, `bin/*`): what must be installed for it to run. */
  runtime: Map<string, string[]>;
  /** From its declarations (`dist/**\/*.d.ts`): what a user's type check must resolve. */
  types: Map<string, string[]>;
}

const DECLARATION = /\.d\.[cm]?ts$/;
const JAVASCRIPT = /\.[cm]?js$/;

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Every package imported by the files a package publishes (`dist/`, `bin/`): static and dynamic
 * `import`, `require`, `export … from` and `import("…")` types, read by TypeScript's scanner (so
 * an `@example` in a comment does not count). Relative paths, Node builtins and the package's
 * own name are left out.
 */
export async function publishedImports(dir: string): Promise<PublishedImports> {
  const self = (JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { name: string }).name;
  const found: PublishedImports = { runtime: new Map(), types: new Map() };
  const files = [...(await filesUnder(join(dir, "dist"))), ...(await filesUnder(join(dir, "bin")))];
  for (const file of files.sort()) {
    const kind = DECLARATION.test(file) ? found.types : JAVASCRIPT.test(file) ? found.runtime : undefined;
    if (!kind) continue;
    const { importedFiles, typeReferenceDirectives } = ts.preProcessFile(await readFile(file, "utf8"), true, true);
    for (const { fileName } of [...importedFiles, ...typeReferenceDirectives]) {
      if (fileName.startsWith(".") || fileName.startsWith("/") || isBuiltin(fileName)) continue;
      const name = packageName(fileName);
      if (name === self) continue;
      const where = relative(dir, file);
      const seen = kind.get(name) ?? [];
      if (!seen.includes(where)) seen.push(where);
      kind.set(name, seen);
    }
  }
  return found;
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** `@types/scope__name` → `@scope/name`, `@types/name` → `name`: the package whose types it holds. */
function typedPackage(dependency: string): string | undefined {
  if (!dependency.startsWith("@types/")) return undefined;
  const name = dependency.slice("@types/".length);
  return name.includes("__") ? `@${name.replace("__", "/")}` : name;
}

/**
 * What is wrong with a built package's declared dependencies, as sentences (empty when nothing):
 * a `dependencies` (or peer/optional) entry that neither its JavaScript nor its `.d.ts` imports
 * (a test-only or build-only package belongs in devDependencies), and an import in its published
 * JavaScript or declarations that users would not get installed. A `.d.ts` import is satisfied by
 * the package or its `@types/` package.
 *
 * @example
 * ```ts
 * await dependencyProblems("packages/cli"); // [] when package.json and dist agree
 * ```
 */
export async function dependencyProblems(dir: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest;
  if (!existsSync(join(dir, "dist"))) return [`${manifest.name}: no dist/ (build it first)`];
  const { runtime, types } = await publishedImports(dir);
  const declared = new Set(
    [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((deps) => Object.keys(deps ?? {})),
  );
  const problems: string[] = [];
  for (const name of declared) {
    const typed = typedPackage(name);
    const used = typed === undefined ? runtime.has(name) || types.has(name) : types.has(typed);
    if (!used) {
      problems.push(
        `${manifest.name}: ${name} is declared a dependency, but neither its dist JavaScript nor its .d.ts imports it (devDependencies if only tests or the build use it)`,
      );
    }
  }
  for (const [name, files] of runtime) {
    if (!declared.has(name)) {
      problems.push(`${manifest.name}: ${files.join(", ")} import ${name}, which is not in dependencies or peerDependencies`);
    }
  }
  for (const [name, files] of types) {
    if (!declared.has(name) && !declared.has(`@types/${name.replace(/^@(.*)\//, "$1__")}`)) {
      problems.push(
        `${manifest.name}: ${files.join(", ")} import types from ${name}, which is not in dependencies or peerDependencies (a user's type check could not resolve it)`,
      );
    }
  }
  return problems;
}

/** The directories of the workspace's published packages (no `"private": true`) under `root/packages`. */
export async function publicPackages(root: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const entry of await readdir(join(root, "packages"), { withFileTypes: true })) {
    const manifest = join(root, "packages", entry.name, "package.json");
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    if ((JSON.parse(await readFile(manifest, "utf8")) as { private?: boolean }).private !== true) dirs.push(join(root, "packages", entry.name));
  }
  return dirs.sort();
}
