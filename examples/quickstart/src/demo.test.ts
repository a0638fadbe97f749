import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const DEMO = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("pnpm demo", () => {
  it("resolves the example HOME, explains both profiles and never prints a secret", () => {
    const run = spawnSync(process.execPath, [DEMO], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("resolved: shared-credentials-file — access key ****************MPLE, no expiry");
    expect(run.stdout).toMatch(/7\. custom-process\s+used/);
    expect(run.stdout).toContain("resolved: custom-process");
    expect(run.stdout).toContain("4. cached: the second call ran no process (same credentials object)");
    expect(run.stdout).not.toContain("wJalrXUtnFEMI");
    expect(run.stdout).not.toContain("quickstart-example-secret");
    expect(run.stdout).not.toContain("quickstart-example-token");
  });
});
