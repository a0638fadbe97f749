import { join } from "node:path";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { recordingTransport, rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromTokenFile } from "../src/from-token-file.js";
import { fromWebToken } from "../src/from-web-token.js";

let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts({ webIdentityTokens: ["good-web-token"] });
});
afterAll(() => sts.close());

const ROLE = "arn:aws:iam::123456789012:role/web";

describe(fromWebToken.name, () => {
  it("AssumeRoleWithWebIdentity with the token given in code; the session name is fixed when made", async () => {
    const home = await homeWith({});
    const provider = fromWebToken({ env: home.env(sts.env), roleArn: ROLE, webIdentityToken: "good-web-token", providerId: "www.amazon.com", policyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] });
    const c = await provider();
    expect(c).toMatchObject({ source: "assume-role-with-web-identity", accountId: "123456789012" });
    const first = sts.calls.at(-1)!;
    expect(first.params).toMatchObject({ RoleArn: ROLE, ProviderId: "www.amazon.com", "PolicyArns.member.1.arn": "arn:aws:iam::aws:policy/ReadOnlyAccess" });
    expect(first.params.RoleSessionName).toMatch(/^botocore-session-\d+$/);
    await provider();
    expect(sts.calls.at(-1)?.params.RoleSessionName).toBe(first.params.RoleSessionName);
  });

  it("checks the request before calling: role ARN, duration, a token of at least 4 characters", async () => {
    const home = await homeWith({});
    const start = sts.calls.length;
    expect(await rejection(fromWebToken({ env: home.env(sts.env), roleArn: "nope", webIdentityToken: "good-web-token" })())).toMatchObject({ code: "InvalidConfig", key: "role_arn" });
    expect(await rejection(fromWebToken({ env: home.env(sts.env), roleArn: ROLE, webIdentityToken: "abc" })())).toMatchObject({ code: "InvalidConfig", key: "webIdentityToken" });
    expect(await rejection(fromWebToken({ env: home.env(sts.env), roleArn: ROLE, webIdentityToken: "good-web-token", durationSeconds: 100_000 })())).toMatchObject({ code: "InvalidConfig" });
    expect(sts.calls.length).toBe(start);
  });

  it("STS refusing the token: CredentialRetrieval with STS's code, never the token", async () => {
    const home = await homeWith({});
    const e = await rejection(fromWebToken({ env: home.env(sts.env), roleArn: ROLE, webIdentityToken: "stolen-web-token" })());
    expect(e.code).toBe("CredentialRetrieval");
    expect(e.message).toContain("InvalidIdentityToken");
    expect(e.message).not.toContain("stolen-web-token");
  });

  it("the regional endpoint of the calling client's region, else us-east-1's, never the global one", async () => {
    const home = await homeWith({});
    // No custom endpoint: the regional host would be called; a recording transport (nothing sent) shows which.
    const { transport, requests } = recordingTransport(500);
    await rejection(fromWebToken({ env: home.env(), transport, roleArn: ROLE, webIdentityToken: "good-web-token", clientConfig: { maxAttempts: 1 } })({ callerClientConfig: { region: async () => "eu-west-3" } }));
    await rejection(fromWebToken({ env: home.env(), transport, roleArn: ROLE, webIdentityToken: "good-web-token", clientConfig: { maxAttempts: 1 } })());
    expect(requests.map((r) => new URL(r.url).host)).toEqual(["sts.eu-west-3.amazonaws.com", "sts.us-east-1.amazonaws.com"]);
  });

  it("refuses clientPlugins and unknown client settings when made", () => {
    expect(() => fromWebToken({ roleArn: ROLE, webIdentityToken: "t", clientPlugins: [] })).toThrow(expect.objectContaining({ key: "clientPlugins" }));
    expect(() => fromWebToken({ roleArn: ROLE, webIdentityToken: "t", clientConfig: { customUserAgent: "x" } })).toThrow(expect.objectContaining({ key: "clientConfig.customUserAgent" }));
  });
});

describe(fromTokenFile.name, () => {
  it("the token file, role and session name from options over env; read on every call", async () => {
    const home = await homeWith({ token: "good-web-token", other: "stolen-web-token" });
    const env = home.env({ ...sts.env, AWS_WEB_IDENTITY_TOKEN_FILE: join(home.dir, "other"), AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/env" });
    await fromTokenFile({ env, webIdentityTokenFile: join(home.dir, "token"), roleArn: ROLE, roleSessionName: "pod" })();
    expect(sts.calls.at(-1)?.params).toMatchObject({ RoleArn: ROLE, RoleSessionName: "pod" });
  });

  it("a token file without a role ARN: InvalidConfig (botocore), where the SDK moves on", async () => {
    const home = await homeWith({ token: "good-web-token" });
    expect(await rejection(fromTokenFile({ env: home.env(sts.env), webIdentityTokenFile: join(home.dir, "token") })())).toMatchObject({ code: "InvalidConfig", key: "role_arn" });
  });

  it("a token file that is a directory: CredentialRetrieval naming it, never read", async () => {
    const home = await homeWith({ "dir/x": "" });
    const e = await rejection(fromTokenFile({ env: home.env(sts.env), webIdentityTokenFile: join(home.dir, "dir"), roleArn: ROLE })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", file: join(home.dir, "dir") });
  });

  it("refuses clientPlugins when made", () => {
    expect(() => fromTokenFile({ clientPlugins: [] })).toThrow(expect.objectContaining({ key: "clientPlugins" }));
  });
});
