import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it, onTestFinished } from "vitest";

// A cold start pays for every built-in it compiles: node:crypto ~2 ms, node:fs/promises ~1.5 ms,
// child_process, http. A resolution from env needs none of them; they load on first use.
// (Timings belong to tooling/bench; this only guards what gets loaded.)
const FIXTURE = fileURLToPath(new URL("../fixtures/env-resolution-builtins.mjs", import.meta.url));
const HEAVY = ["crypto", "fs/promises", "child_process", "http", "https", "net", "tls", "readline", "stream"];

describe("a resolution from env (cold start)", () => {
  it("loads none of node:crypto, fs/promises, child_process, http, https, net, tls, readline, stream", async () => {
    const home = mkdtempSync(join(tmpdir(), "credchain-cold-"));
    onTestFinished(() => rmSync(home, { recursive: true, force: true }));
    const { stdout } = await promisify(execFile)(process.execPath, [FIXTURE], {
      env: { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: "AKIACOLDSTART0000001", AWS_SECRET_ACCESS_KEY: "s", AWS_EC2_METADATA_DISABLED: "true" },
    });
    const { source, builtins } = JSON.parse(stdout) as { source: string; builtins: string[] };
    expect(source).toBe("env");
    expect(builtins.filter((b) => HEAVY.includes(b))).toEqual([]);
  });
});
