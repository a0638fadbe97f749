import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { run, runOk } from "../src/run.js";
import { ENV_KEY, userEnv } from "./user-env.js";

const { app, packages } = inject("packCheck");
const specifiers = packages.flatMap((p) => p.specifiers);
const FIXTURES = new URL("../fixtures/", import.meta.url);

interface Loaded {
  entries: Record<string, string[]>;
  /** Files of our packages in require.cache: `core/dist/index.cjs`. */
  loaded: string[];
}

/** Runs a fixture script (copied into the installed project) with node, as a user's program. */
async function node<T>(fixture: string, args: string[] = []): Promise<T> {
  return JSON.parse(await runOk(process.execPath, [fixture, ...args], { cwd: app, env: userEnv(app), timeoutMs: 30_000 })) as T;
}

beforeAll(() => {
  for (const f of ["load-all.cjs", "load-all.mjs", "resolutions.cjs", "resolve.cjs", "resolve.mjs"]) copyFileSync(new URL(f, FIXTURES), join(app, f));
});

describe("every entry point", () => {
  it("imports as an ES module, with no CommonJS file of ours loaded", async () => {
    const esm = await node<Loaded>("load-all.mjs", specifiers);
    expect(Object.keys(esm.entries)).toEqual(specifiers);
    expect(Object.entries(esm.entries).filter(([, names]) => names.length === 0)).toEqual([]);
    expect(esm.loaded.filter((f) => !f.endsWith("/package.json"))).toEqual([]);
  });

  it("requires from CommonJS with the same exports, loading only our CommonJS files", async () => {
    const [esm, cjs] = await Promise.all([node<Loaded>("load-all.mjs", specifiers), node<Loaded>("load-all.cjs", specifiers)]);
    expect(cjs.entries).toEqual(esm.entries);
    expect(cjs.loaded.filter((f) => !f.endsWith(".cjs"))).toEqual([]);
    expect(cjs.loaded).toEqual(expect.arrayContaining(specifiers.map((s) => `${s.slice("@credchain/".length).replace(/^([^/]+)$/, "$1/index").replace("/", "/dist/")}.cjs`)));
  });
});

describe("a resolution", () => {
  interface Resolved {
    sources: string[];
    keys: string[];
    loaded: string[];
  }

  it("through require(): env, the default chain, and the container provider the chain loads on demand, all CommonJS", async () => {
    const r = await node<Resolved>("resolve.cjs");
    expect(r.sources).toEqual(["env", "env", "container-role"]);
    expect(r.keys.slice(0, 2)).toEqual([ENV_KEY, ENV_KEY]);
    expect(r.keys[2]).toMatch(/^ASIAEMULATOR/);
    expect(r.loaded).toContain("provider-container/dist/index.cjs");
    expect(r.loaded.filter((f) => !f.endsWith(".cjs"))).toEqual([]);
  });

  it("through import: the same, with no CommonJS file of ours loaded", async () => {
    const r = await node<Resolved>("resolve.mjs");
    expect(r.sources).toEqual(["env", "env", "container-role"]);
    expect(r.keys.slice(0, 2)).toEqual([ENV_KEY, ENV_KEY]);
    expect(r.loaded).toEqual([]);
  });
});

describe("the installed CLI", () => {
  const credchain = () => join(app, "node_modules", ".bin", "credchain");

  it("credchain --version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(app, "node_modules/@credchain/cli/package.json"), "utf8")) as { version: string };
    const r = await run(credchain(), ["--version"], { cwd: app, env: userEnv(app), timeoutMs: 30_000 });
    expect({ code: r.code, stdout: r.stdout.trim(), stderr: r.stderr }).toEqual({ code: 0, stdout: version, stderr: "" });
  });

  it("credchain export resolves from env", async () => {
    const r = await run(credchain(), ["export", "--format", "json"], { cwd: app, env: userEnv(app), timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ AccessKeyId: ENV_KEY, Source: "env" });
  });
});
