import { describe, expect, it } from "vitest";
import { home, run } from "./run.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET";
const FILES = {
  ".aws/credentials": `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\n`,
};
const ENV_KEYS = {
  AWS_ACCESS_KEY_ID: "ASIAENVEXAMPLE",
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_SESSION_TOKEN: "tok en'x",
  AWS_CREDENTIAL_EXPIRATION: "2099-01-01T00:00:00Z",
};

describe("credchain export", () => {
  it("prints credential_process JSON by default", async () => {
    const r = await run(["export"], await home(FILES));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ Version: 1, AccessKeyId: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: SECRET });
  });

  it("adds Source in json, and token and expiry when there are some", async () => {
    const r = await run(["export", "--format", "json"], await home({}, ENV_KEYS));
    expect(JSON.parse(r.stdout)).toEqual({
      Version: 1,
      AccessKeyId: "ASIAENVEXAMPLE",
      SecretAccessKey: SECRET,
      SessionToken: "tok en'x",
      Expiration: "2099-01-01T00:00:00Z",
      Source: "env",
    });
  });

  it("prints shell export lines, quoted where needed", async () => {
    const r = await run(["export", "--format=env"], await home({}, ENV_KEYS));
    expect(r.stdout).toBe(
      [
        "export AWS_ACCESS_KEY_ID=ASIAENVEXAMPLE",
        `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
        `export AWS_SESSION_TOKEN='tok en'\\''x'`,
        "export AWS_CREDENTIAL_EXPIRATION=2099-01-01T00:00:00Z",
        "",
      ].join("\n"),
    );
  });

  it("uses --profile and drops env keys for it", async () => {
    const env = await home({ ".aws/credentials": `${FILES[".aws/credentials"]}[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n` }, ENV_KEYS);
    const r = await run(["export", "--profile", "dev", "--format", "json"], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ AccessKeyId: "AKIDDEV", Source: "shared-credentials-file" });
  });

  it("fails with exit 1 and a JSON error naming the code", async () => {
    const r = await run(["export", "--format", "json"], await home({}));
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { Error: { Code: string; Message: string } };
    expect(body.Error.Code).toBe("NoCredentials");
    expect(body.Error.Message).toContain("env: AWS_ACCESS_KEY_ID is not set");
    expect(r.stderr).toContain("credchain: NoCredentials:");
  });

  it.each([
    [{ AWS_PROFILE: "nope" }, {}, "ProfileNotFound"],
    [{ AWS_ACCESS_KEY_ID: "AKID" }, {}, "PartialCredentials"],
    [{}, { ".aws/config": "[default]\nregion=a\nregion=b\n" }, "ConfigParse"],
  ])("reports %o as its code, never the secret", async (envExtra, files, code) => {
    const r = await run(["export", "--format", "json"], await home(files, envExtra));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).Error.Code).toBe(code);
  });

  it("prints errors to stderr only in the other formats", async () => {
    const r = await run(["export"], await home({}, { AWS_PROFILE: "nope" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credchain: ProfileNotFound: The config profile \(nope\) could not be found/);
  });
});

describe("credchain explain", () => {
  it("lists every provider and the one used, masking the key and never showing the secret", async () => {
    const r = await run(["explain"], await home(FILES));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('profile: "default" (selected by default: no --profile, AWS_DEFAULT_PROFILE or AWS_PROFILE)\nplan:    static default (credentials file)\n\n');
    expect(r.stdout).toMatch(/1\. env\s+skipped\s+AWS_ACCESS_KEY_ID is not set/);
    expect(r.stdout).toMatch(/5\. shared-credentials-file\s+used/);
    expect(r.stdout).toMatch(/12\. iam-role\s+skipped\s+not reached/);
    expect(r.stdout).toContain("resolved: shared-credentials-file — access key ****************MPLE, no expiry");
    expect(r.stdout).not.toContain(SECRET);
    expect(r.stdout).not.toContain("AKIAIOSFODNN7EXAMPLE");
  });

  it("gives JSON for machines", async () => {
    const r = await run(["explain", "--format", "json"], await home({}, ENV_KEYS));
    const body = JSON.parse(r.stdout);
    expect(body.Profile).toEqual({ Name: "default", From: "default" });
    expect(body.Plan).toEqual({ Text: 'none: no provider of profile "default" applies', Steps: [{ Kind: "none", Profile: "default", Detail: 'no provider of profile "default" applies' }] });
    expect(body.Providers[0]).toEqual({ Source: "env", Outcome: "used", Reason: "found credentials (env)" });
    expect(body.Result).toEqual({
      Source: "env",
      AccessKeyId: "**********MPLE",
      SessionToken: "[redacted]",
      Expiration: "2099-01-01T00:00:00Z",
    });
    expect(body.Error).toBeNull();
    expect(r.stdout).not.toContain(SECRET);
  });

  it("exits 1 and explains why when nothing is found", async () => {
    const env = await home({});
    const r = await run(["explain", "--format", "json"], env);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.Error.Code).toBe("NoCredentials");
    expect(body.Providers[4]).toMatchObject({ Source: "shared-credentials-file", Outcome: "skipped", LookedAt: { Files: [`${env.HOME}/.aws/credentials`] } });
    const text = await run(["explain"], env);
    expect(text.stdout).toContain("not resolved: NoCredentials: no provider found credentials");
    expect(text.stdout).toContain(`looked at: ${env.HOME}/.aws/credentials`);
  });

  it("shows a failing provider with its code", async () => {
    const r = await run(["explain"], await home({}, { AWS_ACCESS_KEY_ID: "AKID" }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1\. env\s+FAILED\s+Partial credentials found in env.*\[PartialCredentials\]/);
  });

  it("shows a profile that does not exist as a setup failure", async () => {
    const r = await run(["explain", "--profile", "nope"], await home(FILES));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/shared-config\s+FAILED\s+The config profile \(nope\) could not be found/);
  });
});

describe("usage", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s prints the commands", async (arg) => {
    const r = await run([arg], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Commands:");
    expect(r.stdout).toContain("export");
    expect(r.stdout).toContain("explain");
  });

  it.each([["export"], ["explain"]])("%s --help and help %s print the command's help", async (cmd) => {
    const a = await run([cmd, "--help"], {});
    const b = await run(["help", cmd], {});
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`Usage: credchain ${cmd}`);
    expect(b.stdout).toBe(a.stdout);
  });

  it("prints the version", async () => {
    const r = await run(["--version"], {});
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [[], "Commands:"],
    [["nope"], 'unknown command "nope"'],
    [["export", "--format", "yaml"], "--format must be one of process, env, json"],
    [["explain", "--format", "env"], "--format must be one of text, json"],
    [["export", "--profile"], "--profile needs a value"],
  ])("exits 2 for %o", async (argv, message) => {
    const r = await run(argv, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
