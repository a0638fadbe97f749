import { readFile } from "node:fs/promises";

/** The named imports of an entry file, by package: `import { a, b } from "pkg"`. */
export async function entryImports(file: string): Promise<Map<string, string[]>> {
  const text = await readFile(file, "utf8");
  const imports = new Map<string, string[]>();
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const names = (m[1] ?? "")
      .split(",")
      .map((n) => n.trim().split(/\s+as\s+/)[0]?.trim() ?? "")
      .filter((n) => n && !n.startsWith("type "));
    imports.set(m[2] ?? "", [...(imports.get(m[2] ?? "") ?? []), ...names]);
  }
  return imports;
}

/**
 * Why an entry cannot be bundled yet, or undefined when every package it imports has the
 * exports it names. A package whose root exports nothing is "not built" (still a skeleton); one
 * that exports other names means the entry file is out of date — a failure, not a skip.
 */
export async function readiness(
  file: string,
  load: (pkg: string) => Promise<Record<string, unknown>>,
): Promise<{ skip?: string; error?: string }> {
  for (const [pkg, names] of await entryImports(file)) {
    let exports: Record<string, unknown>;
    try {
      exports = await load(pkg);
    } catch {
      return { skip: `not built: ${pkg} cannot be imported (no dist yet)` };
    }
    const real = Object.keys(exports).filter((k) => k !== "default");
    if (real.length === 0) return { skip: `not built: ${pkg} has no exports yet` };
    const missing = names.filter((n) => !(n in exports));
    if (missing.length > 0) return { error: `entry out of date: ${pkg} does not export ${missing.join(", ")}` };
  }
  return {};
}
