import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { run } from "../src/run.js";
import { TYPE_CONFIGS, writeTypeProject } from "../src/type-matrix.js";
import { userEnv } from "./user-env.js";

const { app, packages } = inject("packCheck");
const specifiers = packages.flatMap((p) => p.specifiers);
const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/bin/tsc");
// @types/node from this workspace (the project gets only what npm installed from our tarballs).
const TYPE_ROOTS = [dirname(dirname(require.resolve("@types/node/package.json")))];

// Concurrent: each is a tsc process, and CI has two cores.
describe("TypeScript against the installed packages", () => {
  it.concurrent.each(TYPE_CONFIGS.map((c) => [c.name, c] as const))("%s: every entry point type-checks, and the output runs", async (_, config) => {
    const tsconfig = await writeTypeProject(join(app, "types"), config, specifiers, TYPE_ROOTS);
    const tsc = await run(process.execPath, [TSC, "-p", tsconfig], { cwd: dirname(tsconfig), timeoutMs: 90_000 });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
    for (const file of config.run) {
      const out = await run(process.execPath, [join(dirname(tsconfig), file)], { cwd: app, env: userEnv(app), timeoutMs: 30_000 });
      expect(out.stderr, file).toBe("");
      expect(JSON.parse(out.stdout), file).toEqual({ entries: specifiers.length, empty: [], sources: ["env", "env"], branded: false });
    }
  });
});
