import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startSts, startImds, type StsEmulator } from "@credchain/emulator";
import { makeBadPath, rejection as failure } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describePlan, MAX_ROLE_CHAIN } from "@credchain/provider-ini";
import { defaultChain } from "../src/index.js";
import { envFor, homeWith } from "./home.js";

let sts: StsEmulator;
beforeAll(async () => {
  const role = (n: string) => ({ arn: `arn:aws:iam::123456789012:role/${n}` });
  sts = await startSts({
    webIdentityTokens: ["web-token"],
    roles: [...["dev", "a", "b", "self", "e", "i", "w", "env"].map(role), { ...role("mfa"), requireMfa: true }],
  });
});
afterAll(() => sts.close());

const USER = "[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n";
const env = (home: string, extra: Record<string, string> = {}) => envFor(home, { ...sts.env, AWS_DEFAULT_REGION: "eu-west-1", ...extra });

describe("role profiles in the default chain", () => {
  it("assumes a role with a source_profile's keys, with external id, session name and duration", async () => {
    const home = await homeWith({
      ".aws/config": `${USER}[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = user\nexternal_id = ext-1\nrole_session_name = me\nduration_seconds = 1800\n`,
    });
    const before = sts.calls.length;
    const c = await defaultChain({ env: env(home), profile: "dev" })();
    expect(c).toMatchObject({ source: "assume-role", accountId: "123456789012" });
    const call = sts.calls[before];
    expect(call).toMatchObject({ action: "AssumeRole", accessKeyId: "AKIAEMULATORUSER0001" });
    expect(call?.params).toMatchObject({ RoleArn: "arn:aws:iam::123456789012:role/dev", ExternalId: "ext-1", RoleSessionName: "me", DurationSeconds: "1800" });
  });

  it("chains roles: each level signed by the credentials of the one below", async () => {
    const home = await homeWith({
      ".aws/config": `${USER}[profile a]\nrole_arn = arn:aws:iam::123456789012:role/a\nsource_profile = user\n[profile b]\nrole_arn = arn:aws:iam::123456789012:role/b\nsource_profile = a\n`,
    });
    const before = sts.calls.length;
    const c = await defaultChain({ env: env(home), profile: "b" })();
    const calls = sts.calls.slice(before);
    expect(calls.map((x) => [x.action, x.params.RoleArn])).toEqual([
      ["AssumeRole", "arn:aws:iam::123456789012:role/a"],
      ["AssumeRole", "arn:aws:iam::123456789012:role/b"],
    ]);
    expect(calls[1]?.accessKeyId).not.toBe("AKIAEMULATORUSER0001");
    expect(c.accessKeyId).toBe(sts.issued.at(-1)?.accessKeyId);
    expect(calls[0]?.params.RoleSessionName).toMatch(/^botocore-session-\d+$/);
  });

  it("lets a profile name itself as source when it has keys", async () => {
    const home = await homeWith({
      ".aws/credentials": "[self]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n",
      ".aws/config": "[profile self]\nrole_arn = arn:aws:iam::123456789012:role/self\nsource_profile = self\n",
    });
    expect((await defaultChain({ env: env(home), profile: "self" })()).source).toBe("assume-role");
  });

  it.each([
    ["both sources", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = user\ncredential_source = Environment\n", "InvalidConfig", "contains both source_profile and credential_source"],
    ["no source", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\n", "PartialCredentials", "source_profile or credential_source"],
    ["unknown credential_source", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Nope\n", "InvalidConfig", 'The credential source "Nope" referenced in profile "r" is not valid.'],
    ["missing source profile", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = ghost\n", "InvalidConfig", 'The source_profile "ghost" referenced in the profile "r" does not exist.'],
    ["a loop", "[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = s\n[profile s]\nrole_arn = arn:aws:iam::1:role/s\nsource_profile = r\n", "InfiniteLoopConfig", "Infinite loop"],
    ["a source without credentials", "[profile r]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = s\n[profile s]\nregion = x\n", "InvalidConfig", 'The source profile "s" must have credentials.'],
  ])("fails like botocore for %s", async (_what, config, code, message) => {
    const home = await homeWith({ ".aws/config": `${USER}${config}` });
    const e = await failure(defaultChain({ env: env(home), profile: "r" })());
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
  });

  it("names a few profiles of a long loop, not all of them", async () => {
    const n = 1000;
    const config = Array.from({ length: n }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = p${(i + 1) % n}\n`).join("");
    const home = await homeWith({ ".aws/config": config });
    const e = await failure(defaultChain({ env: env(home), profile: "p0" })());
    expect(e.code).toBe("InfiniteLoopConfig");
    expect(e.message).toMatch(/Visited profiles: p0, p1, p2, .* and 9\d\d more$/);
    expect(e.message.length).toBeLessThan(400);
    expect(e.profiles).toHaveLength(n + 1);
  });

  it("takes credential_source = Environment and Ec2InstanceMetadata", async () => {
    const home = await homeWith({
      ".aws/config": "[profile e]\nrole_arn = arn:aws:iam::123456789012:role/e\ncredential_source = Environment\n[profile i]\nrole_arn = arn:aws:iam::123456789012:role/i\ncredential_source = Ec2InstanceMetadata\n",
    });
    const keys = { AWS_ACCESS_KEY_ID: "AKIAEMULATORUSER0001", AWS_SECRET_ACCESS_KEY: "emulatorUserSecretAccessKey/0001/xxxxxxxx" };
    expect((await defaultChain({ env: env(home, keys), profile: "e" })()).source).toBe("assume-role");
    const noEnv = await failure(defaultChain({ env: env(home), profile: "e" })());
    expect(noEnv.code).toBe("CredentialRetrieval");
    expect(noEnv.message).toContain("No credentials found in credential_source referenced in profile e");
    const imds = await startImds();
    try {
      // IMDS-issued keys are unknown to the STS emulator: the call is made with them and refused.
      const e = await failure(defaultChain({ env: env(home, { ...imds.env, AWS_EC2_METADATA_DISABLED: "false" }), profile: "i" })());
      expect(e.code).toBe("CredentialRetrieval");
      expect(imds.requests.some((r) => r.path.includes("security-credentials"))).toBe(true);
    } finally {
      await imds.close();
    }
  });

  it("asks for the MFA code with mfa_serial, and fails clearly without a way to ask", async () => {
    const home = await homeWith({
      ".aws/config": `${USER}[profile m]\nrole_arn = arn:aws:iam::123456789012:role/mfa\nsource_profile = user\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n`,
    });
    const asked: string[] = [];
    const c = await defaultChain({ env: env(home), profile: "m", mfaCode: ({ serialNumber }) => (asked.push(serialNumber), "123456") })();
    expect(c.source).toBe("assume-role");
    expect(asked).toEqual(["arn:aws:iam::123456789012:mfa/me"]);
    const e = await failure(defaultChain({ env: env(home), profile: "m" })());
    expect(e.message).toContain("needs an MFA code");
  });

  it("uses web identity from env, and from a profile, re-reading the token file", async () => {
    const home = await homeWith({ ".aws/config": "[profile w]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = {{HOME}}/token\n" });
    await writeFile(join(home, "token"), "web-token");
    const fromEnv = await defaultChain({ env: env(home, { AWS_WEB_IDENTITY_TOKEN_FILE: join(home, "token"), AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/env" }) })();
    expect(fromEnv.source).toBe("assume-role-with-web-identity");
    const before = sts.calls.length;
    const fromProfile = await defaultChain({ env: env(home), profile: "w" })();
    expect(fromProfile.source).toBe("assume-role-with-web-identity");
    expect(sts.calls[before]).toMatchObject({ action: "AssumeRoleWithWebIdentity", params: { RoleArn: "arn:aws:iam::123456789012:role/w" } });
    await writeFile(join(home, "token"), "");
    const e = await failure(defaultChain({ env: env(home), profile: "w" })());
    expect(e.message).toContain(join(home, "token"));
  });

  it("names the setting that named a token file that is not a regular file: the variable over the profile key", async () => {
    const home = await homeWith({ ".aws/config": "[profile w]\nrole_arn = arn:aws:iam::123456789012:role/w\nweb_identity_token_file = {{HOME}}/fifo\n" });
    const fifo = await makeBadPath("fifo", join(home, "fifo"), 0);
    const before = sts.calls.length;
    const fromProfile = await failure(defaultChain({ env: env(home), profile: "w" })());
    expect(fromProfile).toMatchObject({ code: "CredentialRetrieval", key: "web_identity_token_file", file: fifo });
    expect(fromProfile.message).toContain(`${fifo} (web_identity_token_file): it is not a regular file (a FIFO)`);
    const fromEnv = await failure(defaultChain({ env: env(home, { AWS_WEB_IDENTITY_TOKEN_FILE: fifo, AWS_PROFILE: "w" }) })());
    expect(fromEnv).toMatchObject({ code: "CredentialRetrieval", key: "AWS_WEB_IDENTITY_TOKEN_FILE", file: fifo });
    expect(sts.calls.length).toBe(before);
  });

  it("explains the role with its source: the plan, then the attempts", async () => {
    const home = await homeWith({ ".aws/config": `${USER}[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = user\n` });
    const trace = await defaultChain({ env: env(home), profile: "dev" }).explain();
    expect(trace.attempts.find((a) => a.outcome === "used")?.source).toBe("assume-role");
    expect(trace.plan && describePlan(trace.plan)).toBe("assume-role dev → static user (config file)");
  });

  it("runs a chain of MAX_ROLE_CHAIN roles, one AssumeRole each, and refuses a longer one before any call", async () => {
    const chain = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::123456789012:role/a\nsource_profile = ${i + 1 < n ? `p${i + 1}` : "user"}\n`).join("")}${USER}`;
    const before = sts.calls.length;
    const home = await homeWith({ ".aws/config": chain(MAX_ROLE_CHAIN) });
    expect((await defaultChain({ env: env(home), profile: "p0" })()).source).toBe("assume-role");
    expect(sts.calls.length - before).toBe(MAX_ROLE_CHAIN);
    const longer = await homeWith({ ".aws/config": chain(MAX_ROLE_CHAIN + 1) });
    const e = await failure(defaultChain({ env: env(longer), profile: "p0" })());
    expect(e).toMatchObject({ code: "InvalidConfig", source: "assume-role", profile: "p0" });
    expect(sts.calls.length - before).toBe(MAX_ROLE_CHAIN);
  }, 60_000);
});
