import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromEnv } from "../src/from-env.js";

// fromEnv used on its own, as a program would, in a real child process: with CREDCHAIN_DEBUG set
// and no logger given, its debug line goes to stderr, as every other provider's does. The package
// is bundled from src, so the child runs this code and not an older dist.
const KEYS = { AWS_ACCESS_KEY_ID: "AKIDDEBUGEXAMPLE0001", AWS_SECRET_ACCESS_KEY: "debugSecretExample/0001", AWS_SESSION_TOKEN: "debugSessionTokenExample0001" };
const LINE = "[credchain] env: found credentials\n";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-env-debug-"));
  await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: join(dir, "provider-env.mjs"),
    logLevel: "silent",
  });
  // argv[2]: "given" passes a logger; "env" passes the environment as the `env` option with
  // CREDCHAIN_DEBUG set there only; anything else calls fromEnv() with no options.
  await writeFile(
    join(dir, "main.mjs"),
    `import { fromEnv } from "./provider-env.mjs";
const lines = [];
const mode = process.argv[2];
const init =
  mode == "given" ? { logger: { debug: (m) => lines.push(m), warn: (m) => lines.push("warn " + m) } }
  : mode == "env" ? { env: { ...process.env, CREDCHAIN_DEBUG: "1" } }
  : {};
const credentials = await fromEnv(init)();
console.log(JSON.stringify({ source: credentials.source, lines }));
`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs main.mjs with `env` (and nothing else of this process's environment); it must exit 0. */
async function run(env: Record<string, string>, mode = ""): Promise<{ stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(dir, "main.mjs"), mode], { stdio: ["ignore", "pipe", "pipe"], env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const code = await new Promise((r) => child.on("exit", r));
  expect(code, stderr).toBe(0);
  return { stdout, stderr };
}

describe(`${fromEnv.name} with CREDCHAIN_DEBUG, in a child process`, () => {
  it("writes its debug line to stderr when no logger is given, never a secret", async () => {
    const { stdout, stderr } = await run({ ...KEYS, CREDCHAIN_DEBUG: "1" });
    expect(JSON.parse(stdout)).toEqual({ source: "env", lines: [] });
    expect(stderr).toBe(LINE);
    for (const value of Object.values(KEYS)) expect(stderr).not.toContain(value);
  });

  it("reads CREDCHAIN_DEBUG from the env it is given, as the other providers do", async () => {
    const { stderr } = await run({ ...KEYS }, "env");
    expect(stderr).toBe(LINE);
  });

  it("writes nothing to stderr without CREDCHAIN_DEBUG, or with it empty", async () => {
    expect((await run({ ...KEYS })).stderr).toBe("");
    expect((await run({ ...KEYS, CREDCHAIN_DEBUG: "" })).stderr).toBe("");
  });

  it("writes to a logger it is given instead, even with CREDCHAIN_DEBUG set", async () => {
    const { stdout, stderr } = await run({ ...KEYS, CREDCHAIN_DEBUG: "1" }, "given");
    expect(JSON.parse(stdout)).toEqual({ source: "env", lines: ["env: found credentials"] });
    expect(stderr).toBe("");
  });
});
