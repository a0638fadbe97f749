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

/** Runs a fixture in a fresh process with env credentials and an empty home; its JSON output. */
async function resolveFromEnv<T>(fixture: string): Promise<T & { source: string }> {
  const home = mkdtempSync(join(tmpdir(), "credchain-cold-"));
  onTestFinished(() => rmSync(home, { recursive: true, force: true }));
  const { stdout } = await promisify(execFile)(process.execPath, [fixture], {
    env: { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: "AKIACOLDSTART0000001", AWS_SECRET_ACCESS_KEY: "s", AWS_EC2_METADATA_DISABLED: "true" },
  });
  return JSON.parse(stdout) as T & { source: string };
}

describe("a resolution from env (cold start)", () => {
  it("loads none of node:crypto, fs/promises, child_process, http, https, net, tls, readline, stream", async () => {
    const { source, builtins } = await resolveFromEnv<{ builtins: string[] }>(FIXTURE);
    expect(source).toBe("env");
    expect(builtins.filter((b) => HEAVY.includes(b))).toEqual([]);
  });

  it("loads neither the profile's planning nor core's HTTP code and file writers (issue #15)", async () => {
    const { source, files } = await resolveFromEnv<{ files: string[] }>(fileURLToPath(new URL("../fixtures/env-resolution-files.cjs", import.meta.url)));
    expect(source).toBe("env");
    expect(files).toContain("chain/dist/index.cjs");
    expect(files).toContain("provider-ini/dist/shared-config.cjs");
    // The root entries of core and provider-ini, the chain's on-demand chunks, and what they hold.
    const onDemand = /^(core\/dist\/(index|http|writes|aws-json)|provider-ini\/dist\/(index|plan)|chain\/dist\/load-)|^provider-(sts|sso|imds|container|process|boto-cfg)\//;
    expect(files.filter((f) => onDemand.test(f))).toEqual([]);
  });
});
