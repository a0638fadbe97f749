import { createHash } from "node:crypto";
import { join } from "node:path";
import { startContainer, startSso, startSts, type ContainerEmulator, type SsoEmulator, type StsEmulator } from "@credchain/emulator";
import { rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromNodeProviderChain } from "../src/from-node-provider-chain.js";

let sts: StsEmulator;
let sso: SsoEmulator;
let container: ContainerEmulator;
beforeAll(async () => {
  [sts, sso, container] = await Promise.all([startSts({ webIdentityTokens: ["web-token"] }), startSso(), startContainer({ authorizationToken: "container-token" })]);
});
afterAll(async () => {
  await Promise.all([sts.close(), sso.close(), container.close()]);
});

const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "env-secret" };

describe(fromNodeProviderChain.name, () => {
  it("botocore's chain: env first; nothing anywhere is NoCredentials listing every provider (the chain does not pass on)", async () => {
    const home = await homeWith({});
    expect(await fromNodeProviderChain({ env: home.env(ENV_KEYS) })()).toMatchObject({ accessKeyId: "AKIDENV", source: "env" });
    const e = await rejection(fromNodeProviderChain({ env: home.env() })());
    expect(e).toMatchObject({ code: "NoCredentials", tryNextLink: false });
    expect(e.attempts?.map((a) => a.source)).toContain("iam-role");
  });

  it("webIdentityTokenFile, roleArn and roleSessionName stand in for their variables", async () => {
    const home = await homeWith({ token: "web-token" });
    const c = await fromNodeProviderChain({ env: home.env(sts.env), webIdentityTokenFile: join(home.dir, "token"), roleArn: "arn:aws:iam::123456789012:role/web", roleSessionName: "pod" })();
    expect(c.source).toBe("assume-role-with-web-identity");
    expect(sts.calls.at(-1)?.params).toMatchObject({ RoleArn: "arn:aws:iam::123456789012:role/web", RoleSessionName: "pod" });
  });

  it("the awsContainer… options stand in for the container variables; timeout and maxRetries apply to it", async () => {
    const home = await homeWith({});
    container.fault("/creds", 500, { times: 1 });
    const start = container.requests.length;
    const c = await fromNodeProviderChain({ env: home.env(), awsContainerCredentialsFullUri: container.fullUri, awsContainerAuthorizationToken: "container-token", maxRetries: 1, timeout: 1000 })();
    expect(c.source).toBe("container-role");
    expect(container.requests.length - start).toBe(2);
  });

  it("an SSO role in code is tried after env, before the profile", async () => {
    const home = await homeWith({ ".aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n" });
    await home.write({ [`.aws/sso/cache/${createHash("sha1").update("https://x.awsapps.com/start").digest("hex")}.json`]: JSON.stringify({ accessToken: "emulator-sso-access-token", expiresAt: "2099-01-01T00:00:00Z" }) });
    const sso4 = { ssoStartUrl: "https://x.awsapps.com/start", ssoRegion: "us-east-1", ssoAccountId: "123456789012", ssoRoleName: "credchain-emulator-role" };
    expect((await fromNodeProviderChain({ env: home.env(sso.env), ...sso4 })()).source).toBe("sso");
    expect((await fromNodeProviderChain({ env: home.env({ ...sso.env, ...ENV_KEYS }), ...sso4 })()).source).toBe("env");
  });

  it("the profile: the option (env dropped, as boto3.Session(profile_name=…)), else the calling client's", async () => {
    const home = await homeWith({ ".aws/config": "[profile p]\naws_access_key_id = AKIDP\naws_secret_access_key = s\n" });
    expect((await fromNodeProviderChain({ env: home.env(ENV_KEYS), profile: "p" })()).accessKeyId).toBe("AKIDP");
    expect((await fromNodeProviderChain({ env: home.env() })({ callerClientConfig: { profile: "p" } })).accessKeyId).toBe("AKIDP");
  });

  it("refuses what botocore's chain has no place for, when made", () => {
    for (const key of ["providerId", "policy", "policyArns", "durationSeconds", "ssoClient", "credentialsFullUri", "authorizationToken", "clientPlugins"]) {
      expect(() => fromNodeProviderChain({ [key]: key === "durationSeconds" ? 900 : key === "policyArns" || key === "clientPlugins" ? [] : key === "ssoClient" ? {} : "x" })).toThrow(
        expect.objectContaining({ code: "InvalidConfig", key }),
      );
    }
  });
});
