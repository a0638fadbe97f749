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

  // AWS_PROFILE (and the file paths env names) reach the terminal only quoted: no escape sequence,
  // no forged line, no pasted secret, however the command reports. 100 kB is about what one
  // environment variable may hold (Linux: 128 kB); the 1 MB case is provider-ini's test.
  it("prints a hostile AWS_PROFILE only quoted", async () => {
    const secret = "AKIAQWERTYUIOPASDFGHJKLZXCVBNM1234567890";
    const base = await home({ ".aws/config": "[profile dev]\nregion = eu-west-1\n" }, { PATH: process.env.PATH ?? "" });
    for (const name of ["dev\u001b[31mred\u001b]0;title\u0007", "x\n[credchain] forged: resolved", secret, "p".repeat(100_000)]) {
      for (const argv of [["export"], ["export", "--format", "json"], ["explain"], ["explain", "--format", "json"]]) {
        const r = spawnSync(process.execPath, [BIN, ...argv], { env: { ...base, AWS_PROFILE: name }, encoding: "utf8" });
        const what = `${argv.join(" ")} with ${JSON.stringify(name.slice(0, 40))}`;
        expect(r.status, what).toBe(1);
        const out = r.stdout + r.stderr;
        expect(out, what).toContain("ProfileNotFound");
        expect(out, what).not.toContain("\u001b");
        expect(out, what).not.toContain("\u0007");
        expect(out, what).not.toMatch(/^\[credchain\] forged/m);
        expect(out, what).not.toContain(secret);
        expect(out.length, what).toBeLessThan(4_000);
      }
    }
  });

  it("explains a profile whose name in the file holds an escape without sending it to the terminal", async () => {
    const name = "dev\u001b[31mred";
    const env = await home(
      { ".aws/config": `[profile ${name}]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = missing\u001b[2J\n` },
      { PATH: process.env.PATH ?? "", AWS_PROFILE: name },
    );
    const r = spawnSync(process.execPath, [BIN, "explain"], { env, encoding: "utf8" });
    expect(r.stdout).toContain("The source_profile");
    expect(r.stdout).not.toContain("\u001b");
    const json = spawnSync(process.execPath, [BIN, "explain", "--format", "json"], { env, encoding: "utf8" });
    // JSON keeps the name as data (escaped by JSON itself).
    expect(JSON.parse(json.stdout).Profile.Name).toBe(name);
  });
});
