// STS-based providers through both packages against the STS emulator: the calls each makes
// (action, role, the key that signed, the region the signature is for) and what they return.
// The region is the point: the SDK's order is clientConfig.region, the calling client's region,
// AWS_REGION, the profile's, then us-east-1 (never the global endpoint).
import { join } from "node:path";
import { startSts, type StsCall, type StsEmulator } from "@credchain/emulator";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBoth, sdkShape, type Outcome, type Scenario } from "./compare/harness.js";

const ROLE = "arn:aws:iam::123456789012:role/dev";
const MFA_ROLE = "arn:aws:iam::123456789012:role/mfa";
const TMP_ROLE = "arn:aws:iam::123456789012:role/tmp";
const WEB_ROLE = "arn:aws:iam::123456789012:role/web";
const MFA_SERIAL = "arn:aws:iam::123456789012:mfa/me";
const USER = "[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n";

let sts: StsEmulator;
let home: TempHome;
let base: Record<string, string>;

beforeAll(async () => {
  sts = await startSts({
    roles: [{ arn: ROLE }, { arn: MFA_ROLE, requireMfa: true }, { arn: TMP_ROLE }, { arn: WEB_ROLE }],
    webIdentityTokens: ["emulator-web-token"],
  });
  home = await makeTempHome("credchain-cp-sts-");
  await home.write({
    ".aws/config":
      USER +
      `[profile dev]\nrole_arn = ${ROLE}\nsource_profile = user\n` +
      `[profile dev-eu]\nrole_arn = ${ROLE}\nsource_profile = user\nregion = eu-west-1\n` +
      `[profile mfa]\nrole_arn = ${MFA_ROLE}\nsource_profile = user\nmfa_serial = ${MFA_SERIAL}\n` +
      `[profile web]\nrole_arn = ${WEB_ROLE}\nweb_identity_token_file = ${join(home.dir, "token")}\n` +
      `[profile regional]\nregion = ca-central-1\n`,
    token: "emulator-web-token",
  });
  base = { HOME: home.dir, AWS_EC2_METADATA_DISABLED: "true", ...sts.env };
});
afterAll(async () => {
  await sts.close();
  await home.remove();
});

/** Both runs, with the STS calls each made. */
async function compare(scenario: Scenario, env: Record<string, string> = {}) {
  const start = sts.calls.length;
  let middle = start;
  const { sdk, credchain } = await runBoth(scenario, { ...base, ...env }, { between: () => (middle = sts.calls.length) });
  return { sdk, credchain, sdkCalls: sts.calls.slice(start, middle), credchainCalls: sts.calls.slice(middle) };
}

/** What must agree about an STS call: not the session name (each package names its own) nor the default duration. */
const gist = (calls: StsCall[]) =>
  calls.map((c) => ({ action: c.action, role: c.params.RoleArn, signer: c.accessKeyId, region: c.signingRegion, serial: c.params.SerialNumber, status: c.status }));

/** Credentials the emulator issued, as each package returns them. */
function issuedAndEqual(sdk: Outcome, credchain: Outcome) {
  for (const side of [sdk, credchain]) {
    expect(side.ok, JSON.stringify(side.error)).toBe(true);
    const issued = sts.issued.find((i) => i.accessKeyId === side.credentials?.accessKeyId);
    expect(issued).toBeDefined();
    expect(side.credentials).toMatchObject({ secretAccessKey: issued!.secretAccessKey, sessionToken: issued!.sessionToken, expiration: issued!.expiration.toISOString() });
  }
}

describe("fromIni: role profiles", () => {
  it("assumes the role with the source profile's keys, in us-east-1 when nothing names a region", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "dev" }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(gist(r.sdkCalls)).toEqual([{ action: "AssumeRole", role: ROLE, signer: "AKIAEMULATORUSER0001", region: "us-east-1", serial: undefined, status: 200 }]);
    expect(gist(r.credchainCalls)).toEqual(gist(r.sdkCalls));
    expect(r.credchain.credentials).toMatchObject({ accountId: "123456789012", source: "assume-role" });
    expect(r.sdk.credentials?.accountId).toBe("123456789012");
  });

  it.each([
    ["the calling client's region", { client: { region: "ap-south-1" } }, {}, "ap-south-1"],
    ["AWS_REGION", {}, { AWS_REGION: "eu-central-1" }, "eu-central-1"],
    ["clientConfig.region over AWS_REGION", { args: { clientConfig: { region: "sa-east-1" } } }, { AWS_REGION: "eu-central-1" }, "sa-east-1"],
    ["the calling client's region over AWS_REGION", { client: { region: "ap-south-1" } }, { AWS_REGION: "eu-central-1" }, "ap-south-1"],
    ["the profile's region", { profile: "dev-eu" }, {}, "eu-west-1"],
  ])("STS region: %s", async (_, how: { client?: Record<string, string>; args?: object; profile?: string }, env, region) => {
    const call = { fn: "fromIni", args: [{ profile: how.profile ?? "dev", ...how.args }] };
    const r = await compare(how.client ? { call, client: how.client } : { call }, env);
    expect(r.sdk.ok && r.credchain.ok, JSON.stringify([r.sdk.error, r.credchain.error])).toBe(true);
    const assume = (calls: StsCall[]) => calls.find((c) => c.action === "AssumeRole")?.signingRegion;
    expect(assume(r.sdkCalls)).toBe(region);
    expect(assume(r.credchainCalls)).toBe(region);
  });

  it("a role profile's own region: the SDK puts it before the calling client's, credchain after (README)", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "dev-eu" }] }, client: { region: "ap-south-1" } });
    expect(r.sdkCalls.find((c) => c.action === "AssumeRole")?.signingRegion).toBe("eu-west-1");
    expect(r.credchainCalls.find((c) => c.action === "AssumeRole")?.signingRegion).toBe("ap-south-1");
    expect(r.credchain.arn).toBe(r.sdk.arn?.replace(/aws-sdk-js-\d+$/, r.credchain.arn!.split("/").at(-1)!));
  });

  it("mfa_serial: both ask mfaCodeProvider for the serial and send the code", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "mfa", mfaCodeProvider: { $async: "123456" } }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(r.sdk.seen).toEqual([{ asked: [MFA_SERIAL] }]);
    expect(r.credchain.seen).toEqual(r.sdk.seen);
    expect(gist(r.credchainCalls)).toEqual(gist(r.sdkCalls));
    expect(r.credchainCalls[0]?.params.SerialNumber).toBe(MFA_SERIAL);
  });

  it("mfa_serial without mfaCodeProvider: both fail before calling STS", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "mfa" }] } });
    expect([r.sdk.ok, r.sdk.error?.tryNextLink]).toEqual([false, false]);
    expect(r.credchain.error).toMatchObject({ code: "InvalidConfig", tryNextLink: false });
    expect(r.sdkCalls.length + r.credchainCalls.length).toBe(0);
  });

  it("roleAssumer replaces the STS call: same source credentials, same request", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "dev", roleAssumer: { $roleAssumer: "ASIAFROMASSUMER" } }] } });
    expect(r.sdk.credentials).toMatchObject({ accessKeyId: "ASIAFROMASSUMER", expiration: "2099-01-01T00:00:00.000Z" });
    expect(sdkShape(r.credchain.credentials)).toEqual(r.sdk.credentials);
    const request = (o: Outcome) => (o.seen[0] as { roleAssumer: [unknown, Record<string, unknown>] }).roleAssumer;
    const [sdkSource, sdkParams] = request(r.sdk);
    const [ccSource, ccParams] = request(r.credchain);
    expect(ccSource).toEqual(sdkSource);
    expect({ ...ccParams, RoleSessionName: "*" }).toEqual({ ...sdkParams, RoleSessionName: "*" });
    expect(r.sdkCalls.length + r.credchainCalls.length).toBe(0);
  });

  it("web_identity_token_file: AssumeRoleWithWebIdentity with the file's token", async () => {
    const r = await compare({ call: { fn: "fromIni", args: [{ profile: "web" }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(gist(r.sdkCalls)).toEqual([{ action: "AssumeRoleWithWebIdentity", role: WEB_ROLE, signer: undefined, region: undefined, serial: undefined, status: 200 }]);
    expect(gist(r.credchainCalls)).toEqual(gist(r.sdkCalls));
  });
});

describe("fromTemporaryCredentials", () => {
  const master = { $provider: { fn: "fromIni", args: [{ profile: "user" }] } };
  const tmp = (extra: object = {}, params: object = {}) => ({ fn: "fromTemporaryCredentials", args: [{ params: { RoleArn: TMP_ROLE, ...params }, masterCredentials: master, ...extra }] });

  it("assumes the role with masterCredentials; the same request", async () => {
    const r = await compare({ call: tmp({}, { ExternalId: "ext", DurationSeconds: 900 }) });
    issuedAndEqual(r.sdk, r.credchain);
    expect(gist(r.credchainCalls)).toEqual(gist(r.sdkCalls));
    expect(r.credchainCalls[0]?.params).toMatchObject({ ExternalId: "ext", DurationSeconds: "900" });
    expect(r.sdkCalls[0]?.params).toMatchObject({ ExternalId: "ext", DurationSeconds: "900" });
  });

  it.each([
    ["us-east-1 when nothing names one", {}, {}, {}, "us-east-1"],
    ["clientConfig.region", { clientConfig: { region: "eu-north-1" } }, {}, {}, "eu-north-1"],
    ["the calling client's region", {}, { client: { region: "ap-northeast-1" } }, { AWS_REGION: "eu-central-1" }, "ap-northeast-1"],
    ["AWS_REGION", {}, {}, { AWS_REGION: "eu-central-1" }, "eu-central-1"],
    ["the profile's region (AWS_PROFILE)", {}, {}, { AWS_PROFILE: "regional" }, "ca-central-1"],
    ["the profile's region (clientConfig.profile)", { clientConfig: { profile: "regional" } }, {}, {}, "ca-central-1"],
  ])("STS region: %s", async (_, extra, how: { client?: Record<string, string> }, env, region) => {
    const r = await compare(how.client ? { call: tmp(extra), client: how.client } : { call: tmp(extra) }, env);
    expect(r.sdk.ok && r.credchain.ok, JSON.stringify([r.sdk.error, r.credchain.error])).toBe(true);
    const assume = (calls: StsCall[]) => calls.find((c) => c.action === "AssumeRole")?.signingRegion;
    expect(assume(r.sdkCalls)).toBe(region);
    expect(assume(r.credchainCalls)).toBe(region);
  });

  it("without masterCredentials: the default chain signs (env keys here)", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIAEMULATORUSER0001", AWS_SECRET_ACCESS_KEY: "emulatorUserSecretAccessKey/0001/xxxxxxxx" };
    const r = await compare({ call: { fn: "fromTemporaryCredentials", args: [{ params: { RoleArn: TMP_ROLE } }] } }, env);
    issuedAndEqual(r.sdk, r.credchain);
    expect(gist(r.credchainCalls)).toEqual(gist(r.sdkCalls));
  });

  it("chained: a fromTemporaryCredentials signs another", async () => {
    const inner = { $provider: tmp() };
    const r = await compare({ call: { fn: "fromTemporaryCredentials", args: [{ params: { RoleArn: ROLE }, masterCredentials: inner }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(gist(r.sdkCalls).map((c) => ({ ...c, signer: c.signer?.slice(0, 4) }))).toEqual(gist(r.credchainCalls).map((c) => ({ ...c, signer: c.signer?.slice(0, 4) })));
  });

  it("SerialNumber with mfaCodeProvider: the code is asked for and sent", async () => {
    const r = await compare({ call: { fn: "fromTemporaryCredentials", args: [{ params: { RoleArn: MFA_ROLE, SerialNumber: MFA_SERIAL }, masterCredentials: master, mfaCodeProvider: { $async: "123456" } }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(r.credchain.seen).toEqual(r.sdk.seen);
  });

  it("accountId: credchain reads it from the assumed role's ARN (botocore), the SDK's fromTemporaryCredentials leaves it out", async () => {
    const r = await compare({ call: tmp() });
    expect(r.sdk.credentials?.accountId).toBeUndefined();
    expect(r.credchain.credentials?.accountId).toBe("123456789012");
  });
});

describe("web identity", () => {
  it("fromTokenFile from AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN", async () => {
    const r = await compare({ call: { fn: "fromTokenFile" } }, { AWS_WEB_IDENTITY_TOKEN_FILE: join(home.dir, "token"), AWS_ROLE_ARN: WEB_ROLE, AWS_ROLE_SESSION_NAME: "pod" });
    issuedAndEqual(r.sdk, r.credchain);
    expect(r.credchainCalls.map((c) => c.params)).toEqual(r.sdkCalls.map((c) => c.params));
  });

  it("fromTokenFile without a token file: 'not here' in both", async () => {
    const r = await compare({ call: { fn: "fromTokenFile" } });
    expect(r.sdk.error?.tryNextLink).toBe(true);
    expect(r.credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });

  it("fromWebToken with the token in code", async () => {
    const r = await compare({ call: { fn: "fromWebToken", args: [{ roleArn: WEB_ROLE, webIdentityToken: "emulator-web-token", roleSessionName: "app", durationSeconds: 900 }] } });
    issuedAndEqual(r.sdk, r.credchain);
    expect(r.credchainCalls.map((c) => c.params)).toEqual(r.sdkCalls.map((c) => c.params));
  });

  it("roleAssumerWithWebIdentity gets the same request", async () => {
    const r = await compare({ call: { fn: "fromWebToken", args: [{ roleArn: WEB_ROLE, webIdentityToken: "emulator-web-token", roleSessionName: "app", roleAssumerWithWebIdentity: { $roleAssumer: "ASIAWEBASSUMER" } }] } });
    expect(sdkShape(r.credchain.credentials)).toEqual(r.sdk.credentials);
    expect(r.credchain.seen).toEqual(r.sdk.seen);
  });
});

describe("as an STSClient's credentials, ESM and CommonJS", () => {
  it.each(["esm", "cjs"] as const)("%s: GetCallerIdentity signed with the same credentials", async (format) => {
    for (const call of [{ fn: "fromIni", args: [{ profile: "user" }] }, { fn: "fromNodeProviderChain", args: [{ profile: "dev" }] }]) {
      const start = sts.calls.length;
      const { sdk, credchain } = await runBoth({ call, client: { region: "us-west-2" } }, base, { format });
      expect(sdk.ok && credchain.ok, JSON.stringify([sdk.error, credchain.error])).toBe(true);
      const ids = sts.calls.slice(start).filter((c) => c.action === "GetCallerIdentity");
      expect(ids.map((c) => c.signingRegion)).toEqual(["us-west-2", "us-west-2"]);
      expect(credchain.arn?.replace(/\/[^/]+$/, "")).toBe(sdk.arn?.replace(/\/[^/]+$/, ""));
    }
  });
});
