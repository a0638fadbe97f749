import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { sourceLayoutProblems } from "./source-layout.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

const trees: TempHome[] = [];
afterAll(() => Promise.all(trees.map((t) => t.remove())));

/** A repository root holding `files` (paths relative to it). */
async function tree(files: Record<string, string>): Promise<string> {
  const t = await makeTempHome("size-layout-");
  trees.push(t);
  await t.write(files);
  return t.dir;
}

describe(sourceLayoutProblems.name, () => {
  it("accepts tests and helpers in test/ importing the emulator and test-utils, and tooling/ in a src comment", async () => {
    const root = await tree({
      "packages/a/src/index.ts": '// measured in tooling/bench\nexport { x } from "./x.js";\nimport "@credchain/core";\n',
      "packages/a/test/x.test.ts": 'import { home } from "./home.js";\nimport { startSts } from "@credchain/emulator";\nimport { rejection } from "@credchain/test-utils";\n',
      "packages/a/test/home.ts": 'import { makeTempHome } from "@credchain/test-utils";\n',
      "packages/b/README.md": "no src here\n",
    });
    expect(await sourceLayoutProblems(root)).toEqual([]);
  });

  it("names a test or a test-* helper in src/, at any depth", async () => {
    const root = await tree({
      "packages/a/src/test-home.ts": "export {};\n",
      "packages/a/src/deep/vectors.test.ts": 'import { startSts } from "@credchain/emulator";\n',
      "packages/a/src/x.test.ts": "export {};\n",
    });
    expect(await sourceLayoutProblems(root)).toEqual([
      "packages/a/src/deep/vectors.test.ts: a test in src/ (tests live in the package's test/)",
      "packages/a/src/deep/vectors.test.ts: imports @credchain/emulator, which only tests may use",
      "packages/a/src/test-home.ts: a test-* file in src/ (helpers go to the package's test/ or tooling/test-utils)",
      "packages/a/src/x.test.ts: a test in src/ (tests live in the package's test/)",
    ]);
  });

  it("names a non-test src file importing the emulator, test-utils or tooling/, statically or not", async () => {
    const root = await tree({
      "packages/a/src/helpers.ts": 'import { startImds } from "@credchain/emulator";\nimport type { Y } from "@credchain/emulator";\nexport type { X } from "@credchain/test-utils/sub";\n',
      "packages/a/src/lazy.ts": 'const m = await import("../../../tooling/faults/src/index.js");\n',
    });
    expect(await sourceLayoutProblems(root)).toEqual([
      "packages/a/src/helpers.ts: imports @credchain/emulator, which only tests may use",
      "packages/a/src/helpers.ts: imports @credchain/test-utils/sub, which only tests may use",
      "packages/a/src/lazy.ts: imports ../../../tooling/faults/src/index.js, which only tests may use",
    ]);
  });
});

// The guard itself (issue #14's grep checks): test code stays out of what the packages build.
describe("packages/*/src", () => {
  it("holds no test, no test-only file and no import of the emulator, test-utils or tooling/", async () => {
    expect(await sourceLayoutProblems(ROOT)).toEqual([]);
  });
});
