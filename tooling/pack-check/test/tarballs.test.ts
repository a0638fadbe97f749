import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { publicPackages } from "@credchain/size";
import { describe, expect, inject, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const REPOSITORY = "git+https://github.com/credchain/credchain.git";
const { app, packages } = inject("packCheck");

interface Manifest {
  name: string;
  license?: string;
  homepage?: string;
  bugs?: { url?: string };
  repository?: { type?: string; url?: string; directory?: string };
  engines?: { node?: string };
  sideEffects?: boolean;
  publishConfig?: { access?: string };
  main?: string;
  module?: string;
  types?: string;
  typesVersions?: Record<string, Record<string, string[]>>;
  files?: string[];
  exports: Record<string, unknown>;
}

const installed = (name: string, file: string) => join(app, "node_modules", name, file);
const manifestOf = (name: string) => JSON.parse(readFileSync(installed(name, "package.json"), "utf8")) as Manifest;

describe("the packed set", () => {
  it("is every public package", async () => {
    const dirs = (await publicPackages(ROOT)).map((d) => relative(ROOT, d));
    expect(packages.map((p) => relative(ROOT, p.dir))).toEqual(dirs);
    expect(dirs).toEqual(expect.arrayContaining(["packages/core", "packages/chain", "packages/cli", "packages/signer"]));
  });
});

describe.each(packages.map((p) => [p.name, p] as const))("%s", (name, packed) => {
  const manifest = manifestOf(name);

  it("carries the repository's LICENSE, its README, and no source maps, sources or tests", () => {
    expect(readFileSync(installed(name, "LICENSE"), "utf8")).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
    expect(packed.files).toContain("README.md");
    expect(packed.files.filter((f) => /\.map$|^src\/|\.test\.|(^|\/)test\//.test(f))).toEqual([]);
  });

  it("says where it comes from and how it is published", () => {
    expect(manifest.license).toBe("Apache-2.0");
    expect(manifest.repository).toEqual({ type: "git", url: REPOSITORY, directory: relative(ROOT, packed.dir) });
    expect(manifest.homepage).toBe(`https://github.com/credchain/credchain/tree/main/${relative(ROOT, packed.dir)}#readme`);
    expect(manifest.bugs).toEqual({ url: "https://github.com/credchain/credchain/issues" });
    expect(manifest.engines?.node).toBe(">=20.19");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.publishConfig?.access).toBe("public");
    expect(manifest.files).toContain("LICENSE");
  });

  it("exports each entry point as ESM and CommonJS, each with its own types, and ./package.json", () => {
    expect(manifest.exports["./package.json"]).toBe("./package.json");
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (subpath === "./package.json") continue;
      const base = subpath === "." ? "./dist/index" : `./dist/${subpath.slice(2)}`;
      // Types first in each condition: TypeScript takes the first match.
      expect(JSON.stringify(target), subpath).toBe(
        JSON.stringify({ import: { types: `${base}.d.ts`, default: `${base}.js` }, require: { types: `${base}.d.cts`, default: `${base}.cjs` } }),
      );
      for (const file of [".d.ts", ".js", ".d.cts", ".cjs"]) expect(packed.files, `${subpath} ${file}`).toContain(`${base.slice(2)}${file}`);
    }
  });

  it("resolves without exports too (node10): main and types are the CommonJS build, typesVersions maps each subpath", () => {
    expect([manifest.main, manifest.module, manifest.types]).toEqual(["./dist/index.cjs", "./dist/index.js", "./dist/index.d.cts"]);
    const subpaths = Object.keys(manifest.exports).filter((s) => s !== "." && s !== "./package.json");
    const mapped = Object.fromEntries(subpaths.map((s) => [s.slice(2), [`./dist/${s.slice(2)}.d.cts`]]));
    expect(manifest.typesVersions?.["*"] ?? {}).toEqual(mapped);
  });

  it("keeps the formats apart: CommonJS files import() nothing, ES module files require() none of our packages", () => {
    const mixed = packed.files.filter((file) => {
      const text = readFileSync(installed(name, file), "utf8");
      if (file.endsWith(".cjs")) return /\bimport\(/.test(text) || /\bimport\.meta\b/.test(text);
      if (file.endsWith(".js") && file.startsWith("dist/")) return /\brequire\(["']@credchain\//.test(text);
      return false;
    });
    expect(mixed).toEqual([]);
  });

  it("ships no empty module (one more file to load unbundled, for nothing), and every file its modules import", () => {
    const modules = packed.files.filter((file) => file.startsWith("dist/") && /\.c?js$/.test(file));
    const empty = modules.filter((file) => readFileSync(installed(name, file), "utf8").trim() === "");
    const missing = modules.flatMap((file) =>
      [...readFileSync(installed(name, file), "utf8").matchAll(/(?:from|import|require\()\s*"(\.\/[^"]+)"/g)]
        .map((m) => join(dirname(file), m[1] as string))
        .filter((target) => !packed.files.includes(target))
        .map((target) => `${file} → ${target}`),
    );
    expect({ empty, missing }).toEqual({ empty: [], missing: [] });
  });
});
