import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { dependencyProblems, packageName, publicPackages, publishedImports } from "./declared-dependencies.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

// Temp directories made here are removed when the file's tests end.
const temps: TempHome[] = [];
afterAll(() => Promise.all(temps.map((t) => t.remove())));

/** A package directory with `package.json` (name `pkg`) and the given files. */
async function fakePackage(manifest: Record<string, unknown>, files: Record<string, string>): Promise<string> {
  const t = await makeTempHome("size-deps-");
  temps.push(t);
  await writeFile(join(t.dir, "package.json"), JSON.stringify({ name: "pkg", ...manifest }));
  await t.write(files);
  return t.dir;
}

describe(packageName.name, () => {
  it("keeps the scope and drops subpaths", () => {
    expect(packageName("@credchain/signer/undici")).toBe("@credchain/signer");
    expect(packageName("undici/types")).toBe("undici");
    expect(packageName("aws4")).toBe("aws4");
  });
});

describe(publishedImports.name, () => {
  it("reads static, dynamic, re-export and type imports of dist and bin, not comments, builtins, relative paths or itself", async () => {
    const dir = await fakePackage(
      {},
      {
        "dist/index.js": '/** @example import { x } from "in-a-comment"; */\nimport { a } from "a";\nimport "node:fs";\nimport "fs";\nimport { b } from "./chunk-B.js";\nexport * from "pkg/sub";\n',
        "dist/chunk-B.js": 'export const b = () => import("@scope/lazy/deep");\n',
        "dist/index.d.ts": 'import type { T } from "types-only";\nexport declare const d: import("@scope/lazy").U;\nexport type { N } from "node:http";\n',
        "dist/index.js.map": '{"sources":["import x from \\"in-a-map\\""]}',
        "bin/run.js": 'import { a } from "a";\nimport "bin-only";\n',
      },
    );
    const found = await publishedImports(dir);
    expect(Object.fromEntries(found.runtime)).toEqual({
      a: ["bin/run.js", "dist/index.js"],
      "bin-only": ["bin/run.js"],
      "@scope/lazy": ["dist/chunk-B.js"],
    });
    expect(Object.fromEntries(found.types)).toEqual({ "types-only": ["dist/index.d.ts"], "@scope/lazy": ["dist/index.d.ts"] });
  });
});

describe(dependencyProblems.name, () => {
  it("accepts dependencies imported at run time or only by the published .d.ts, and peers", async () => {
    const dir = await fakePackage(
      { dependencies: { a: "1", t: "1", "@types/u": "1", "@types/s__v": "1" }, peerDependencies: { p: "1" } },
      {
        "dist/index.js": 'import "a";\nimport "p";\n',
        "dist/index.d.ts": 'import type { T } from "t";\nimport type { U } from "u";\nimport type { V } from "@s/v";\n',
      },
    );
    expect(await dependencyProblems(dir)).toEqual([]);
  });

  it("names a dependency nothing published imports (test-only: a devDependency)", async () => {
    const dir = await fakePackage(
      { dependencies: { a: "1", "tests-only": "1", "@types/gone": "1" }, devDependencies: { b: "1" } },
      { "dist/index.js": 'import "a";\n', "dist/index.test-helper.txt": 'import "tests-only";\n' },
    );
    expect(await dependencyProblems(dir)).toEqual([
      "pkg: tests-only is declared a dependency, but neither its dist JavaScript nor its .d.ts imports it (devDependencies if only tests or the build use it)",
      "pkg: @types/gone is declared a dependency, but neither its dist JavaScript nor its .d.ts imports it (devDependencies if only tests or the build use it)",
    ]);
  });

  it("names a runtime import and a .d.ts import users would not get installed (devDependencies do not count)", async () => {
    const dir = await fakePackage(
      { devDependencies: { dev: "1", "dev-types": "1" } },
      { "dist/index.js": 'import "dev";\n', "dist/lazy.js": 'await import("dev");\n', "dist/index.d.ts": 'import type { X } from "dev-types";\n' },
    );
    expect(await dependencyProblems(dir)).toEqual([
      "pkg: dist/index.js, dist/lazy.js import dev, which is not in dependencies or peerDependencies",
      "pkg: dist/index.d.ts import types from dev-types, which is not in dependencies or peerDependencies (a user's type check could not resolve it)",
    ]);
  });

  it("reports a package that is not built", async () => {
    expect(await dependencyProblems(await fakePackage({}, {}))).toEqual(["pkg: no dist/ (build it first)"]);
  });
});

// The guard itself: every published package's package.json says exactly what its dist needs.
describe("every published package", async () => {
  const dirs = await publicPackages(ROOT);

  it("is found (packages/* without private: true)", () => {
    expect(dirs.map((d) => d.slice(ROOT.length + 1))).toEqual(expect.arrayContaining(["packages/core", "packages/cli", "packages/emulator"]));
  });

  it.each(dirs.map((d) => [d.slice(ROOT.length + 1), d]))("%s declares what its dist imports, and only that", async (_, dir) => {
    expect(await dependencyProblems(dir)).toEqual([]);
  });
});
