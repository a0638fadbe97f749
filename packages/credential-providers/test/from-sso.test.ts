import { createHash } from "node:crypto";
import { startSso, type SsoEmulator } from "@credchain/emulator";
import { rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromLoginCredentials } from "../src/from-login-credentials.js";
import { fromSSO } from "../src/from-sso.js";

let sso: SsoEmulator;
beforeAll(async () => {
  sso = await startSso();
});
afterAll(() => sso.close());

const sha1 = (t: string) => createHash("sha1").update(t).digest("hex");
const token = () => JSON.stringify({ accessToken: "emulator-sso-access-token", expiresAt: new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z") });
const CONFIG =
  "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = credchain-emulator-role\n" +
  "[profile half]\nsso_account_id = 123456789012\n" +
  "[profile keys]\naws_access_key_id = AKID\naws_secret_access_key = s\n";

describe(fromSSO.name, () => {
  it("a legacy profile (sso_start_url), the token cached under the start URL's hash", async () => {
    const home = await homeWith({ ".aws/config": CONFIG, [`.aws/sso/cache/${sha1("https://legacy.awsapps.com/start")}.json`]: token() });
    await expect(fromSSO({ env: home.env(sso.env), profile: "legacy" })()).resolves.toMatchObject({ source: "sso", accountId: "123456789012" });
  });

  it("clientConfig.region names the portal's region; clientConfig.endpoint the portal", async () => {
    const home = await homeWith({ ".aws/config": CONFIG, [`.aws/sso/cache/${sha1("https://legacy.awsapps.com/start")}.json`]: token() });
    const { recordingTransport } = await import("@credchain/test-utils");
    const { transport, requests } = recordingTransport(500);
    await rejection(fromSSO({ env: home.env(), transport, profile: "legacy", clientConfig: { region: "eu-west-2", maxAttempts: 1 } })());
    expect(new URL(requests[0]!.url).host).toBe("portal.sso.eu-west-2.amazonaws.com");
    await expect(fromSSO({ env: home.env(), profile: "legacy", clientConfig: { endpoint: sso.url } })()).resolves.toMatchObject({ source: "sso" });
  });

  it("a profile missing or without SSO settings: 'not here'; incomplete SSO settings: InvalidConfig naming the keys", async () => {
    const home = await homeWith({ ".aws/config": CONFIG });
    expect(await rejection(fromSSO({ env: home.env(sso.env), profile: "missing" })())).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    expect(await rejection(fromSSO({ env: home.env(sso.env), profile: "keys" })())).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    const half = await rejection(fromSSO({ env: home.env(sso.env), profile: "half" })());
    expect(half).toMatchObject({ code: "InvalidConfig", tryNextLink: false });
    expect(half.message).toContain("sso_role_name");
  });

  it("an SSO role in code needs all four parameters: InvalidConfig naming the missing ones, when made", () => {
    expect(() => fromSSO({ ssoStartUrl: "https://x", ssoRegion: "us-east-1" })).toThrow(
      expect.objectContaining({ code: "InvalidConfig", message: expect.stringContaining("ssoAccountId, ssoRoleName") }),
    );
    expect(() => fromSSO({ ssoSession: "corp" })).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
  });

  it("refuses an SDK SSO client, and FIPS or dual-stack, which botocore's SSO client does not use", () => {
    expect(() => fromSSO({ ssoClient: {} })).toThrow(expect.objectContaining({ key: "ssoClient" }));
    expect(() => fromSSO({ clientConfig: { useFipsEndpoint: true } })).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
    expect(() => fromSSO({ clientConfig: { credentials: {} } })).toThrow(expect.objectContaining({ key: "clientConfig.credentials" }));
  });
});

describe(fromLoginCredentials.name, () => {
  it("a profile without login_session is 'not here'; a login_session without its cache is CredentialRetrieval", async () => {
    const home = await homeWith({ ".aws/config": "[profile console]\nlogin_session = arn:aws:iam::111122223333:user/alice\n[profile plain]\nregion = eu-west-1\n" });
    expect(await rejection(fromLoginCredentials({ env: home.env(), profile: "plain" })())).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    const e = await rejection(fromLoginCredentials({ env: home.env(), profile: "console" })());
    expect(e).toMatchObject({ code: "CredentialRetrieval" });
    expect(e.message).toContain("aws login");
  });

  it("refuses FIPS and dual-stack, and unknown client settings", () => {
    expect(() => fromLoginCredentials({ clientConfig: { useDualstackEndpoint: true } })).toThrow(expect.objectContaining({ code: "InvalidConfig" }));
    expect(() => fromLoginCredentials({ clientConfig: { requestHandler: {} } })).toThrow(expect.objectContaining({ key: "clientConfig.requestHandler" }));
  });
});
