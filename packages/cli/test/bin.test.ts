import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { home } from "./run.js";

// The real command as users run it: bin/credchain.js over the built dist (turbo builds it first).
const BIN = fileURLToPath(new URL("../bin/credchain.js", import.meta.url));

describe("bin/credchain.js", () => {
  it("exports credentials and sets the exit code", async () => {
    const env = await home({}, { AWS_ACCESS_KEY_ID: "AKIDBIN", AWS_SECRET_ACCESS_KEY: "bin-secret", PATH: process.env.PATH ?? "" });
    const ok = spawnSync(process.execPath, [BIN, "export", "--format", "json"], { env, encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ AccessKeyId: "AKIDBIN", Source: "env" });
    const bad = spawnSync(process.execPath, [BIN, "export", "--format", "json"], { env: { ...env, AWS_SECRET_ACCESS_KEY: "" }, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).Error.Code).toBe("PartialCredentials");
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const usage = spawnSync(process.execPath, [BIN, "frobnicate"], { env, encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
