import { execFile } from "node:child_process";
import { HAS_BOTOCORE } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AssumeRolePlan, CredentialPlan } from "../src/credential-plan.js";
import { describePlan } from "../src/describe-plan.js";
import { loadSharedConfig, type SharedConfig } from "../src/load-shared-config.js";
import { planProfile } from "../src/plan-profile.js";
import { MAX_ROLE_CHAIN } from "../src/plan-role-chain.js";
import { makeHome, SECRET, type TestHome } from "./home.js";

const KEYS = `aws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`;
const ROLE = "arn:aws:iam::123456789012:role/r";
const SSO = "sso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\nsso_account_id = 123456789012\nsso_role_name = Dev\n";

let home: TestHome;
beforeAll(async () => {
  home = await makeHome();
});
afterAll(() => home.remove());

async function configOf(files: Record<string, string>): Promise<SharedConfig> {
  await home.write({ ".aws/config": "", ".aws/credentials": "", ...files });
  return loadSharedConfig({ env: { HOME: home.dir } });
}
const plan = async (files: Record<string, string>, name = "p", env: Record<string, string> = {}, envDisabled = false) =>
  planProfile(await configOf(files), name, { env, envDisabled });
const skippedOf = (p: CredentialPlan) => p.skipped.map((s) => s.method);

describe(planProfile.name, () => {
  it("static keys: the credentials file before the config file, with the token key botocore reads", async () => {
    const both = await plan({ ".aws/credentials": `[p]\n${KEYS}aws_session_token = t\naws_security_token = s\n`, ".aws/config": `[profile p]\n${KEYS}` });
    expect(both).toMatchObject({ kind: "static", method: "shared-credentials-file", profile: "p", sessionTokenKey: "aws_security_token" });
    expect(skippedOf(both)).toEqual(["assume-role", "assume-role-with-web-identity", "sso"]);
    const config = await plan({ ".aws/config": `[profile p]\n${KEYS}aws_session_token = t\n` });
    expect(config).toMatchObject({ kind: "static", method: "config-file", sessionTokenKey: "aws_session_token" });
    expect(config.skipped.at(-1)).toMatchObject({ method: "custom-process", reason: 'profile "p" has no credential_process' });
    expect(config.skipped.find((s) => s.method === "shared-credentials-file")?.reason).toMatch(/has no profile "p"$/);
  });

  it("follows botocore's order: SSO before keys, process before config-file keys, keys before login and process", async () => {
    expect((await plan({ ".aws/credentials": `[p]\n${KEYS}`, ".aws/config": `[profile p]\n${SSO}` })).kind).toBe("sso");
    expect((await plan({ ".aws/config": `[profile p]\n${KEYS}credential_process = cmd\n` })).kind).toBe("process");
    expect((await plan({ ".aws/credentials": `[p]\n${KEYS}`, ".aws/config": "[profile p]\ncredential_process = cmd\nlogin_session = s\n" })).kind).toBe("static");
    expect(await plan({ ".aws/config": "[profile p]\ncredential_process = cmd --x\nlogin_session = arn:aws:iam::1:user/u\naws_account_id = 1\n" })).toMatchObject({ kind: "login", loginSession: "arn:aws:iam::1:user/u" });
    expect(await plan({ ".aws/config": "[profile p]\ncredential_process = cmd --x\naws_account_id = 123\n" })).toMatchObject({ kind: "process", command: "cmd --x", accountId: "123" });
  });

  it("web identity from env unless the profile was chosen in code; the env var wins even when empty", async () => {
    const files = { ".aws/config": `[profile p]\nweb_identity_token_file = /from/profile\nrole_arn = ${ROLE}\n${KEYS}` };
    expect(await plan(files, "p", { AWS_WEB_IDENTITY_TOKEN_FILE: "/from/env", AWS_ROLE_ARN: "arn:env" })).toMatchObject({
      kind: "web-identity",
      tokenFile: "/from/env",
      tokenFileFrom: "AWS_WEB_IDENTITY_TOKEN_FILE",
      roleArn: "arn:env",
    });
    expect(await plan(files, "p", { AWS_WEB_IDENTITY_TOKEN_FILE: "/from/env" }, true)).toMatchObject({ kind: "web-identity", tokenFile: "/from/profile", tokenFileFrom: "web_identity_token_file", roleArn: ROLE });
    const empty = await plan(files, "p", { AWS_WEB_IDENTITY_TOKEN_FILE: "" });
    expect(empty).toMatchObject({ kind: "static", method: "config-file" });
    expect(empty.skipped.find((s) => s.method === "assume-role-with-web-identity")?.reason).toBe("AWS_WEB_IDENTITY_TOKEN_FILE is empty");
    expect(await plan(files, "p", { AWS_ROLE_ARN: "" })).toMatchObject({ kind: "web-identity", roleArn: "" });
    // role_arn with web_identity_token_file is web identity's, not assume-role's.
    expect(empty.skipped[0]).toMatchObject({ method: "assume-role", reason: expect.stringContaining("web_identity_token_file") });
  });

  it("none, with why each provider did not apply", async () => {
    const none = await plan({ ".aws/config": "[profile p]\nregion = eu-west-1\n" });
    expect(none).toMatchObject({ kind: "none", profile: "p" });
    expect(skippedOf(none)).toEqual(["assume-role", "assume-role-with-web-identity", "sso", "shared-credentials-file", "login", "custom-process", "config-file"]);
    expect(none.skipped[1]?.reason).toBe('AWS_WEB_IDENTITY_TOKEN_FILE is not set and profile "p" has no web_identity_token_file');
    expect((await plan({}, "default")).kind).toBe("none");
  });

  it("carries SSO settings botocore refuses as an invalid plan, thrown only when the provider runs", async () => {
    const half = await plan({ ".aws/config": "[profile p]\nsso_role_name = Dev\n" });
    expect(half).toMatchObject({ kind: "invalid", method: "sso", error: { code: "InvalidConfig", message: expect.stringContaining("missing required configuration") } });
    expect(await plan({ ".aws/config": "[profile p]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n" })).toMatchObject({
      kind: "sso",
      config: { ssoSession: "corp", ssoStartUrl: "https://x", ssoRegion: "eu-west-1", sessionConfig: { sso_start_url: "https://x", sso_region: "eu-west-1" } },
    });
  });

  it("refuses a sub-section where a command or session belongs (botocore would crash on it)", async () => {
    expect(await plan({ ".aws/config": "[profile p]\ncredential_process =\n  a = b\n" })).toMatchObject({ kind: "invalid", method: "custom-process", error: { code: "InvalidConfig", key: "credential_process" } });
    expect(await plan({ ".aws/config": "[profile p]\nlogin_session =\n  a = b\n" })).toMatchObject({ kind: "invalid", method: "login", error: { key: "login_session" } });
  });
});

describe("planProfile: role profiles", () => {
  it("reads each level's settings, duration_seconds as Python's int()", async () => {
    const r = (await plan({
      ".aws/config": `[profile p]\nrole_arn = ${ROLE}\nsource_profile = base\nrole_session_name = me\nexternal_id = x\nmfa_serial = arn:aws:iam::1:mfa/me\nduration_seconds = +1_800\n[profile base]\n${KEYS}`,
    })) as AssumeRolePlan;
    expect(r).toMatchObject({ kind: "assume-role", profile: "p", roleArn: ROLE, roleSessionName: "me", externalId: "x", mfaSerial: "arn:aws:iam::1:mfa/me", durationSeconds: 1800 });
    expect(r.source).toMatchObject({ kind: "static", profile: "base", method: "config-file" });
    expect(describePlan(r)).toBe("assume-role p → static base (config file)");
    const d = async (v: string) => ((await plan({ ".aws/config": `[profile p]\nrole_arn = ${ROLE}\ncredential_source = Environment\nduration_seconds = ${v}\n` })) as AssumeRolePlan).durationSeconds;
    expect([await d("900"), await d("0900"), await d("-1"), await d("15m"), await d("9.5"), await d("1__0")]).toEqual([900, 900, -1, undefined, undefined, undefined]);
  });

  it("chains roles, and a source profile's own providers end the chain (env never among them)", async () => {
    const r = await plan(
      {
        ".aws/config": `[profile p]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\ncredential_process = cmd\nweb_identity_token_file = /t\n`,
      },
      "p",
      { AWS_WEB_IDENTITY_TOKEN_FILE: "/env" },
    );
    expect(describePlan(r)).toBe("assume-role p → assume-role a → web-identity b (token file from web_identity_token_file)");
    expect(describePlan(await plan({ ".aws/config": `[profile p]\nrole_arn = ${ROLE}\ncredential_source = EcsContainer\n` }))).toBe("assume-role p → credential_source EcsContainer (profile p)");
  });

  it("lets a profile with keys name itself; a source with keys and a role is read for its keys", async () => {
    const self = (await plan({ ".aws/credentials": `[p]\n${KEYS}`, ".aws/config": `[profile p]\nrole_arn = ${ROLE}\nsource_profile = p\n` })) as AssumeRolePlan;
    expect(self.source).toMatchObject({ kind: "static", profile: "p", method: "shared-credentials-file" });
    const keyed = (await plan({ ".aws/config": `[profile p]\nrole_arn = ${ROLE}\nsource_profile = k\n[profile k]\nrole_arn = ${ROLE}\nsource_profile = nowhere\n${KEYS}` })) as AssumeRolePlan;
    expect(keyed.source).toMatchObject({ kind: "static", profile: "k" });
  });

  it.each([
    ["both sources", `role_arn = ${ROLE}\nsource_profile = p\ncredential_source = Environment\n`, "InvalidConfig", 'The profile "p" contains both source_profile and credential_source.'],
    ["neither source", `role_arn = ${ROLE}\n`, "PartialCredentials", "Partial credentials found in assume-role, missing: source_profile or credential_source"],
    ["credential_source in the wrong case (botocore validates it exactly)", `role_arn = ${ROLE}\ncredential_source = environment\n`, "InvalidConfig", 'The credential source "environment" referenced in profile "p" is not valid.'],
    ["an unknown credential_source", `role_arn = ${ROLE}\ncredential_source = Nope\n`, "InvalidConfig", "is not valid"],
    ["a missing source profile", `role_arn = ${ROLE}\nsource_profile = ghost\n`, "InvalidConfig", 'The source_profile "ghost" referenced in the profile "p" does not exist.'],
    ["a self-reference without keys", `role_arn = ${ROLE}\nsource_profile = p\n`, "InfiniteLoopConfig", "Attempting to load from profile p which has already been visited"],
    ["a source without credentials", `role_arn = ${ROLE}\nsource_profile = e\n[profile e]\nregion = x\n`, "InvalidConfig", 'The source profile "e" must have credentials.'],
  ])("carries %s as an invalid plan", async (_, config, code, message) => {
    const p = await plan({ ".aws/config": `[profile p]\n${config}` });
    const invalid = p.kind === "assume-role" ? p.source : p;
    expect(invalid).toMatchObject({ kind: "invalid", method: "assume-role", error: { code, message: expect.stringContaining(message) } });
  });

  it("quotes names from the file in its messages: escapes, a pasted secret, a long name", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const name = "p\u001b[31m";
    for (const [value, code] of [[`ghost\u001b]0;t\u0007 ${secret}`, "InvalidConfig"], [name, "InfiniteLoopConfig"], ["x".repeat(100_000), "InvalidConfig"]] as const) {
      const p = await plan({ ".aws/config": `[profile ${name}]\nrole_arn = ${ROLE}\nsource_profile = ${value}\n` }, name);
      const invalid = p.kind === "assume-role" ? p.source : p;
      expect(invalid).toMatchObject({ kind: "invalid", error: { code } });
      const message = invalid.kind === "invalid" ? invalid.error.message : "";
      // eslint-disable-next-line no-control-regex
      expect(message).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
      expect(message).not.toContain(secret);
      expect(message.length).toBeLessThan(400);
    }
  });

  it("walks a 20,000-profile chain in a loop: a loop is found at once, a chain past MAX_ROLE_CHAIN refused", async () => {
    const n = 20_000;
    const chain = (loop: boolean) => Array.from({ length: n }, (_, i) => `[profile p${i}]\nrole_arn = ${ROLE}\nsource_profile = p${loop ? (i + 1) % n : i + 1}\n`).join("") + (loop ? "" : `[profile p${n}]\n${KEYS}`);
    let started = Date.now();
    const looped = await plan({ ".aws/config": chain(true) }, "p0");
    let bottom: CredentialPlan | AssumeRolePlan["source"] = looped;
    while (bottom.kind === "assume-role") bottom = bottom.source;
    expect(bottom).toMatchObject({ kind: "invalid", error: { code: "InfiniteLoopConfig" } });
    expect(bottom.kind === "invalid" && bottom.error.profiles).toHaveLength(n + 1);
    expect(bottom.kind === "invalid" && bottom.error.message.length).toBeLessThan(400);
    expect(describePlan(looped)).toMatch(/^assume-role p0 → (assume-role p\d → ){5}… 19,99\d more … → assume-role p1999\d → assume-role p1999\d → invalid p19999 \[InfiniteLoopConfig\]$/);
    const long = await plan({ ".aws/config": chain(false) }, "p0");
    expect(long).toMatchObject({ kind: "invalid", method: "assume-role", error: { code: "InvalidConfig", message: expect.stringContaining(`is ${n} roles long; credchain follows at most ${MAX_ROLE_CHAIN}`) } });
    expect(Date.now() - started).toBeLessThan(10_000);
    started = Date.now();
    const atCap = await plan({ ".aws/config": Array.from({ length: MAX_ROLE_CHAIN }, (_, i) => `[profile p${i}]\nrole_arn = ${ROLE}\nsource_profile = p${i + 1}\n`).join("") + `[profile p${MAX_ROLE_CHAIN}]\n${KEYS}` }, "p0");
    expect(atCap.kind).toBe("assume-role");
  }, 30_000);
});

// Each profile through botocore's default chain: which provider decides (returns credentials or
// raises), and for an invalid plan the exception botocore raises there. Providers are loaded,
// not run to the end: assume-role, web identity and SSO defer their calls, so nothing leaves the machine.
const SCRIPT = `
import json, os, sys, botocore.session
from botocore.credentials import create_credential_resolver
case = json.loads(sys.argv[1])
s = botocore.session.Session(profile=case.get("profile"))
out = {"method": None}
for p in create_credential_resolver(s).providers:
    try:
        c = p.load()
    except Exception as e:
        out = {"method": p.METHOD, "error": type(e).__name__, "message": str(e)}
        break
    if c is not None:
        out = {"method": c.method}
        if c.method in ("shared-credentials-file", "config-file"): out["token"] = c.token
        break
print(json.dumps(out))
`;

const PROCESS = `credential_process = echo '{"Version":1,"AccessKeyId":"A","SecretAccessKey":"S"}'\n`;
interface ParityCase {
  name: string;
  config?: string;
  credentials?: string;
  env?: Record<string, string>;
  /** Chosen in code (boto3.Session(profile_name=…)); else AWS_PROFILE=p. */
  explicit?: boolean;
  /** botocore raises when it runs the provider, not from the settings: the plan is valid. */
  runtime?: boolean;
}
const CASES: ParityCase[] = [
  { name: "keys in the credentials file", credentials: `[p]\n${KEYS}aws_session_token = st\n` },
  { name: "keys in the config file", config: `[profile p]\n${KEYS}` },
  { name: "keys in both files", credentials: `[p]\n${KEYS}aws_security_token = sec\naws_session_token = st\n`, config: `[profile p]\n${KEYS}aws_session_token = c\n` },
  { name: "sso and keys in one profile", credentials: `[p]\n${KEYS}`, config: `[profile p]\n${SSO}` },
  { name: "process and config-file keys", config: `[profile p]\n${KEYS}${PROCESS}` },
  { name: "credentials-file keys and process", credentials: `[p]\n${KEYS}`, config: `[profile p]\n${PROCESS}` },
  { name: "login_session and process", config: `[profile p]\nlogin_session = arn:aws:iam::123456789012:user/u\n${PROCESS}`, runtime: true },
  { name: "role with itself as source, keys beside", credentials: `[p]\n${KEYS}`, config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = p\n` },
  { name: "web_identity_token_file + role_arn + source_profile", config: `[profile p]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tmp/t\nsource_profile = b\n[profile b]\n${KEYS}` },
  { name: "web identity and sso in one profile", config: `[profile p]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tmp/t\n${SSO}` },
  { name: "env web identity over profile keys", config: `[profile p]\n${KEYS}`, env: { AWS_WEB_IDENTITY_TOKEN_FILE: "/tmp/t", AWS_ROLE_ARN: ROLE } },
  { name: "env web identity ignored for a profile chosen in code", config: `[profile p]\n${KEYS}`, env: { AWS_WEB_IDENTITY_TOKEN_FILE: "/tmp/t", AWS_ROLE_ARN: ROLE }, explicit: true },
  { name: "AWS_WEB_IDENTITY_TOKEN_FILE empty hides the profile's", config: `[profile p]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tmp/t\n`, env: { AWS_WEB_IDENTITY_TOKEN_FILE: "" } },
  { name: "AWS_ROLE_ARN empty hides the profile's", config: `[profile p]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tmp/t\n`, env: { AWS_ROLE_ARN: "" }, runtime: true },
  { name: "credential_source Environment", config: `[profile p]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`, runtime: true },
  { name: "credential_source environment (lower case)", config: `[profile p]\nrole_arn = ${ROLE}\ncredential_source = environment\n` },
  { name: "credential_source ECSCONTAINER", config: `[profile p]\nrole_arn = ${ROLE}\ncredential_source = ECSCONTAINER\n` },
  { name: "credential_source empty", config: `[profile p]\nrole_arn = ${ROLE}\ncredential_source =\n` },
  { name: "both sources", config: `[profile p]\nrole_arn = ${ROLE}\ncredential_source = Environment\nsource_profile = b\n[profile b]\n${KEYS}` },
  { name: "neither source", config: `[profile p]\nrole_arn = ${ROLE}\n` },
  { name: "missing source profile", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = ghost\n` },
  { name: "empty source_profile", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile =\n` },
  { name: "a loop of two", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = p\n` },
  { name: "self without keys", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = p\n` },
  { name: "source without credentials", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nregion = eu-west-1\n` },
  { name: "source with only credential_process", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\n${PROCESS}` },
  { name: "source with sso", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\n${SSO}` },
  { name: "source with web identity", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\nweb_identity_token_file = /tmp/t\n` },
  { name: "source with keys and a role of its own", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = ghost\n${KEYS}` },
  { name: "a three-role chain", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\nsource_profile = c\n[profile c]\n${KEYS}` },
  { name: "a chain broken two levels down", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nrole_arn = ${ROLE}\nsource_profile = b\n[profile b]\nrole_arn = ${ROLE}\ncredential_source = Nope\n` },
  { name: "a chain ending in credential_source", config: `[profile p]\nrole_arn = ${ROLE}\nsource_profile = a\n[profile a]\nrole_arn = ${ROLE}\ncredential_source = Ec2InstanceMetadata\n`, runtime: true },
  { name: "sso without start url", config: "[profile p]\nsso_role_name = Dev\nsso_start_url = https://x\n" },
  { name: "sso-session that disagrees", config: "[profile p]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\nsso_region = us-east-1\n[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\n" },
  { name: "unknown sso-session", config: "[profile p]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = R\n" },
  { name: "only sso_account_id", config: "[profile p]\nsso_account_id = 1\n" },
  { name: "empty credential_process", config: "[profile p]\ncredential_process =\n", runtime: true },
  { name: "access key in the config, secret in the credentials file", credentials: `[p]\naws_secret_access_key = ${SECRET}\n`, config: "[profile p]\naws_access_key_id = AKIDEXAMPLE\n", runtime: true },
  { name: "only a region", config: "[profile p]\nregion = eu-west-1\n" },
];

const CODE: Record<string, string> = { InvalidConfigError: "InvalidConfig", PartialCredentialsError: "PartialCredentials", InfiniteLoopConfigError: "InfiniteLoopConfig" };

function botocore(c: ParityCase, env: Record<string, string>): Promise<{ method: string | null; error?: string; message?: string; token?: string | null }> {
  return new Promise((resolve, reject) => {
    const base = { PATH: process.env.PATH ?? "", HOME: home.dir, AWS_EC2_METADATA_DISABLED: "true", BOTO_CONFIG: `${home.dir}/none` };
    execFile("python3", ["-c", SCRIPT, JSON.stringify({ profile: c.explicit ? "p" : null })], { env: { ...base, ...(c.explicit ? {} : { AWS_PROFILE: "p" }), ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout)),
    );
  });
}

describe.skipIf(!HAS_BOTOCORE)("planProfile against botocore's default chain", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const config = await configOf({ ".aws/config": c.config ?? "", ".aws/credentials": c.credentials ?? "" });
    const theirs = await botocore(c, c.env ?? {});
    const ours = planProfile(config, "p", { env: c.env ?? {}, envDisabled: c.explicit === true });
    expect(ours.kind === "none" ? null : ours.method).toBe(theirs.method);
    const planError = theirs.error !== undefined && !c.runtime ? CODE[theirs.error] : undefined;
    let bottom: CredentialPlan | AssumeRolePlan["source"] = ours;
    while (bottom.kind === "assume-role") bottom = bottom.source;
    if (planError === undefined) {
      expect(bottom.kind).not.toBe("invalid");
    } else {
      expect(bottom).toMatchObject({ kind: "invalid", error: { code: planError } });
      // credchain says what botocore says (then may add what to do); its loop message lists the profiles its own way.
      if (planError !== "InfiniteLoopConfig" && bottom.kind === "invalid") expect(bottom.error.message).toContain(theirs.message!.replace(/\.$/, ""));
    }
    if (theirs.token !== undefined && ours.kind === "static") {
      const file = ours.method === "config-file" ? config.configFile : config.credentialsFile;
      expect(ours.sessionTokenKey === undefined ? null : file.profiles.p![ours.sessionTokenKey]).toBe(theirs.token);
    }
  });
});
