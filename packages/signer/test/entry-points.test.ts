import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every source file the entry reaches through relative imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(new URL(`../src/${entry}`, import.meta.url), "utf8");
  for (const m of text.matchAll(/from "(\.\/[^"]+)\.js"/g)) reachable(`${m[1]}.ts`, seen);
  return seen;
}

/** Imports of `pkg` that survive compilation (type-only ones are erased). */
function runtimeImportsOf(file: string, pkg: string): string[] {
  const text = readFileSync(new URL(`../src/${file}`, import.meta.url), "utf8");
  return [...text.matchAll(new RegExp(`^(import|export)(?! type)[^;]*from "${pkg}";`, "gm"))].map((m) => m[0]);
}

describe("entry points", () => {
  it("the main entry never loads undici (an optional peer)", () => {
    const files = [...reachable("./index.ts")];
    expect(files).not.toContain("./undici-interceptor.ts");
    expect(files.flatMap((f) => runtimeImportsOf(f, "undici"))).toEqual([]);
  });

  it("the undici entry imports only undici's types", () => {
    expect([...reachable("./undici.ts")].flatMap((f) => runtimeImportsOf(f, "undici"))).toEqual([]);
  });

  it("package.json exports both, with undici an optional peer", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(Object.keys(pkg.exports)).toEqual([".", "./undici", "./package.json"]);
    expect(pkg.peerDependenciesMeta.undici.optional).toBe(true);
    expect(pkg.dependencies).not.toHaveProperty("undici");
  });
});
