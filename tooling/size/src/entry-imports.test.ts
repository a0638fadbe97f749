import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entryImports, readiness } from "./entry-imports.js";
import { packageOf } from "./measure.js";

// Temp directories made here are removed when the file's tests end.
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function entry(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "size-entry-"));
  temps.push(dir);
  const file = join(dir, "e.mjs");
  await writeFile(file, text);
  return file;
}

describe(readiness.name, () => {
  const file = entry('import { a, b as c } from "pkg-a";\nimport { d } from "pkg-b";\n');

  it("reads named imports by package", async () => {
    expect(Object.fromEntries(await entryImports(await file))).toEqual({ "pkg-a": ["a", "b"], "pkg-b": ["d"] });
  });

  it("is ready when every named export exists", async () => {
    const load = async (pkg: string) => (pkg === "pkg-a" ? { a: 1, b: 2 } : { d: 3 });
    expect(await readiness(await file, load)).toEqual({});
  });

  it("skips a package with no exports (a skeleton) or no dist", async () => {
    expect((await readiness(await file, async () => ({}))).skip).toBe("not built: pkg-a has no exports yet");
    const missing = async () => {
      throw new Error("Cannot find module");
    };
    expect((await readiness(await file, missing)).skip).toMatch(/^not built: pkg-a/);
  });

  it("fails an entry that names an export the package does not have", async () => {
    expect((await readiness(await file, async () => ({ a: 1 }))).error).toBe("entry out of date: pkg-a does not export b");
  });
});

describe(packageOf.name, () => {
  it("names workspace, scoped and plain packages", () => {
    expect(packageOf("packages/core/dist/errors.js")).toBe("@credchain/core");
    expect(packageOf("@aws-sdk/credential-provider-env/dist-es/fromEnv.js")).toBe("@aws-sdk/credential-provider-env");
    expect(packageOf("tslib/tslib.es6.mjs")).toBe("tslib");
    expect(packageOf("credchain-env.mjs")).toBe("(entry)");
  });
});
