import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { home, run } from "./run.js";

let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts({ roles: [{ arn: "arn:aws:iam::123456789012:role/dev" }, { arn: "arn:aws:iam::123456789012:role/mfa", requireMfa: true }] });
});
afterAll(() => sts.close());

const USER = {
  AWS_ACCESS_KEY_ID: "AKIAEMULATORUSER0001",
  AWS_SECRET_ACCESS_KEY: "emulatorUserSecretAccessKey/0001/xxxxxxxx",
  AWS_DEFAULT_REGION: "eu-west-1",
};
const envWith = async (extra: Record<string, string> = {}) => home({ "# keep": "" }, { ...sts.env, ...USER, ...extra });

describe("credchain whoami", () => {
  it("prints the caller identity and the source of the credentials", async () => {
    const r = await run(["whoami", "--format", "json"], await envWith());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      Account: "123456789012",
      Arn: "arn:aws:iam::123456789012:user/credchain-emulator",
      UserId: expect.any(String),
      Source: "env",
    });
    const text = await run(["whoami"], await envWith());
    expect(text.stdout).toMatch(/^Account +123456789012\nArn +arn:aws:iam::123456789012:user\/credchain-emulator\n/);
  });

  it("reports STS refusing the key with its code, never the secret", async () => {
    const r = await run(["whoami", "--format", "json"], await envWith({ AWS_ACCESS_KEY_ID: "AKIAUNKNOWN000000000" }));
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { Error: { Code: string; Message: string } };
    expect(body.Error.Message).toContain("InvalidClientTokenId");
    expect(r.stdout + r.stderr).not.toContain("emulatorUserSecretAccessKey");
  });
});

describe("credchain assume-role", () => {
  it("assumes the role with the resolved credentials and prints them", async () => {
    const before = sts.calls.length;
    const r = await run(["assume-role", "--role-arn", "arn:aws:iam::123456789012:role/dev", "--role-session-name", "me", "--duration-seconds", "900", "--external-id", "x", "--format", "json"], await envWith());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ Version: 1, AccessKeyId: sts.issued.at(-1)?.accessKeyId, Source: "assume-role", AccountId: "123456789012" });
    expect(sts.calls[before]).toMatchObject({ action: "AssumeRole", accessKeyId: "AKIAEMULATORUSER0001", params: { RoleSessionName: "me", DurationSeconds: "900", ExternalId: "x" } });
  });

  it("writes the result to a profile, keeping the file, and the new profile works", async () => {
    const env = await envWith();
    const creds = join(env.HOME as string, ".aws", "credentials");
    const r = await run(["assume-role", "--role-arn", "arn:aws:iam::123456789012:role/dev", "--write-profile", "dev-role"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`wrote profile "dev-role" to ${creds}`);
    expect(await readFile(creds, "utf8")).toMatch(/^\[dev-role\]\naws_access_key_id = ASIA\w+\naws_secret_access_key = \S+\naws_session_token = \S+\n$/);
    expect((await stat(creds)).mode & 0o777).toBe(0o600);
    const who = await run(["whoami", "--profile", "dev-role", "--format", "json"], env);
    expect(JSON.parse(who.stdout)).toMatchObject({ Arn: expect.stringContaining(":assumed-role/dev/"), Source: "shared-credentials-file" });
  });

  it("says which profile it wrote with the name's escape sequences escaped, not sent to the terminal", async () => {
    const r = await run(["assume-role", "--role-arn", "arn:aws:iam::123456789012:role/dev", "--write-profile", "evil\u001bc"], await envWith());
    expect(r.code).toBe(0);
    // ESC c resets a terminal; [ and ] cannot be in a section name at all.
    expect(r.stderr).toContain('wrote profile "evil\\x1bc"');
    expect(r.stderr).not.toContain("\u001b");
  });

  it("asks for the MFA code when only --serial-number is given", async () => {
    const env = await envWith();
    const asked: string[] = [];
    let out = "";
    const code = await main(["assume-role", "--role-arn", "arn:aws:iam::123456789012:role/mfa", "--serial-number", "arn:aws:iam::123456789012:mfa/me"], {
      env,
      stdout: (t) => void (out += t),
      stderr: () => {},
      readLine: async (prompt) => (asked.push(prompt), "123456"),
    });
    expect(code).toBe(0);
    expect(asked).toEqual(["Enter MFA code for arn:aws:iam::123456789012:mfa/me: "]);
    expect(JSON.parse(out).AccessKeyId).toMatch(/^ASIA/);
  });

  it("reports a wrong MFA code as STS's AccessDenied", async () => {
    const r = await run(["assume-role", "--role-arn", "arn:aws:iam::123456789012:role/mfa", "--serial-number", "arn:aws:iam::123456789012:mfa/me", "--token-code", "000000"], await envWith());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("AccessDenied");
  });

  it.each([
    [["assume-role"], "assume-role needs --role-arn"],
    [["assume-role", "--role-arn", "arn:aws:iam::1:role/r", "--duration-seconds", "1h"], "--duration-seconds must be a whole number"],
    [["session-token", "--token-code", "123456"], "--token-code needs --serial-number"],
  ])("exits 2 for %o", async (argv, message) => {
    const r = await run(argv, await envWith());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("reports a malformed role ARN with STS's ValidationError", async () => {
    const r = await run(["assume-role", "--role-arn", "not-an-arn"], await envWith());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ValidationError");
    expect(r.stderr).toContain("not-an-arn");
  });
});

describe("credchain session-token", () => {
  it("gets a session token, with MFA when asked", async () => {
    const r = await run(["session-token", "--duration-seconds", "900", "--serial-number", "arn:aws:iam::123456789012:mfa/me", "--token-code", "123456", "--format", "env"], await envWith());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA\w+\nexport AWS_SECRET_ACCESS_KEY=.+\nexport AWS_SESSION_TOKEN=.+\nexport AWS_CREDENTIAL_EXPIRATION=\d{4}-/);
    expect(sts.calls.at(-1)).toMatchObject({ action: "GetSessionToken", params: { DurationSeconds: "900", SerialNumber: "arn:aws:iam::123456789012:mfa/me" } });
  });
});

describe("the assumed-role cache of the CLI", () => {
  it("is ~/.aws/cli/cache by default, and memory only with CREDCHAIN_ROLE_CACHE=memory", async () => {
    const { readdir } = await import("node:fs/promises");
    const config = { ".aws/config": "[profile u]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = u\n" };
    const env = await home(config, { ...sts.env, AWS_DEFAULT_REGION: "us-east-1" });
    expect((await run(["export", "--profile", "dev"], env)).code).toBe(0);
    expect(await readdir(join(env.HOME as string, ".aws", "cli", "cache"))).toHaveLength(1);
    const memory = await home(config, { ...sts.env, AWS_DEFAULT_REGION: "us-east-1", CREDCHAIN_ROLE_CACHE: "memory" });
    expect((await run(["export", "--profile", "dev"], memory)).code).toBe(0);
    await expect(readdir(join(memory.HOME as string, ".aws", "cli", "cache"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
