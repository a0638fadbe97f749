import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fromEnv } from "../src/from-env.js";

// fromEnv used on its own, as a program would, in a real child process: with CREDCHAIN_DEBUG set
// and no logger given, its debug line goes to stderr, as every other provider's does. The child
// imports this package by its name, built (turbo builds a package before its tests).
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const KEYS = { AWS_ACCESS_KEY_ID: "AKIDDEBUGEXAMPLE0001", AWS_SECRET_ACCESS_KEY: "debugSecretExample/0001", AWS_SESSION_TOKEN: "debugSessionTokenExample0001" };
const LINE = "[credchain] env: found credentials\n";

/**
 * Calls `fromEnv(<init>)()` in a child process with `env` (and nothing else of this process's
 * environment), prints what it resolved and the lines a given logger got; it must exit 0.
 */
function run(env: Record<string, string>, init = ""): Promise<{ stdout: string; stderr: string }> {
  const code = `import { fromEnv } from "@credchain/provider-env";
const lines = [];
const credentials = await fromEnv(${init})();
console.log(JSON.stringify({ source: credentials.source, lines }));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--input-type=module", "-e", code], { cwd: PACKAGE_DIR, env, encoding: "utf8", timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

describe(`${fromEnv.name} with CREDCHAIN_DEBUG, in a child process`, () => {
  it("writes its debug line to stderr when no logger is given, never a secret", async () => {
    const { stdout, stderr } = await run({ ...KEYS, CREDCHAIN_DEBUG: "1" });
    expect(JSON.parse(stdout)).toEqual({ source: "env", lines: [] });
    expect(stderr).toBe(LINE);
    for (const value of Object.values(KEYS)) expect(stderr).not.toContain(value);
  });

  it("reads CREDCHAIN_DEBUG from the env it is given, as the other providers do", async () => {
    expect((await run({ ...KEYS }, `{ env: { ...process.env, CREDCHAIN_DEBUG: "1" } }`)).stderr).toBe(LINE);
    expect((await run({ ...KEYS, CREDCHAIN_DEBUG: "1" }, `{ env: { ...process.env, CREDCHAIN_DEBUG: "" } }`)).stderr).toBe("");
  });

  it("writes nothing to stderr without CREDCHAIN_DEBUG, or with it empty", async () => {
    expect((await run({ ...KEYS })).stderr).toBe("");
    expect((await run({ ...KEYS, CREDCHAIN_DEBUG: "" })).stderr).toBe("");
  });

  it("writes to a logger it is given instead, even with CREDCHAIN_DEBUG set", async () => {
    const { stdout, stderr } = await run({ ...KEYS, CREDCHAIN_DEBUG: "1" }, `{ logger: { debug: (m) => lines.push(m), warn: (m) => lines.push("warn " + m) } }`);
    expect(JSON.parse(stdout)).toEqual({ source: "env", lines: ["env: found credentials"] });
    expect(stderr).toBe("");
  });
});
