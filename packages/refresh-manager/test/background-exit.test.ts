import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRefresh } from "../src/with-refresh.js";

// A real child process: a managed provider with background refresh must not keep it alive.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-refresh-"));
  await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(dir, "refresh-manager.mjs"),
    logLevel: "silent",
  });
  await writeFile(
    join(dir, "main.mjs"),
    `import { withRefresh } from "./refresh-manager.mjs";
const provider = withRefresh(async () => ({
  accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x", source: "iam-role",
  expiration: new Date(Date.now() + 60 * 60 * 1000),
}), { background: true });
const creds = await provider();
console.log("resolved " + creds.accessKeyId);
`,
  );
  await writeFile(
    join(dir, "log.mjs"),
    `import { withRefresh } from "./refresh-manager.mjs";
let n = 0;
const provider = withRefresh(async () => {
  if (++n > 1) throw new Error("upstream down");
  return { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x", source: "iam-role" };
});
await provider();
await provider({ forceRefresh: true }).catch(() => {});
`,
  );
});

/** Runs `script` in a child process with `env`, returning its stderr. */
async function stderrOf(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, [join(dir, script)], { stdio: ["ignore", "ignore", "pipe"], env });
  let err = "";
  child.stderr.on("data", (c) => (err += c));
  await new Promise((r) => child.on("exit", r));
  return err;
}
afterAll(() => rm(dir, { recursive: true, force: true }));

describe(`${withRefresh.name} in a child process`, () => {
  it("lets the process exit while a background-refreshing provider exists", async () => {
    const child = spawn(process.execPath, [join(dir, "main.mjs")], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    // A referenced 45-minute timer would keep the child alive; the guard kills it after 20 s.
    const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on("exit", (c, s) => r([c, s])));
    clearTimeout(guard);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(out.trim()).toBe("resolved AKIDEXAMPLE");
  }, 30_000);

  it("logs to stderr under CREDCHAIN_DEBUG when given no logger, and is silent without it", async () => {
    // The default is core's resolveLogger reading the environment; refresh-manager reads none.
    const { CREDCHAIN_DEBUG: _, ...quiet } = process.env;
    expect(await stderrOf("log.mjs", { ...quiet, CREDCHAIN_DEBUG: "1" })).toBe(
      "[credchain] refreshed credentials from iam-role (initial)\n[credchain] warning: the forced refresh of credentials failed: upstream down\n",
    );
    expect(await stderrOf("log.mjs", quiet)).toBe("");
  }, 30_000);
});
