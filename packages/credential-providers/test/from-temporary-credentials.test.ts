import { startSts, type StsEmulator } from "@credchain/emulator";
import { recordingTransport, rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith, USER_PROFILE } from "./homes.js";
import { fromTemporaryCredentials } from "../src/from-temporary-credentials.js";

let sts: StsEmulator;
let user: { accessKeyId: string; secretAccessKey: string };
beforeAll(async () => {
  sts = await startSts();
  user = sts.users[0]!;
});
afterAll(() => sts.close());

const TMP = "arn:aws:iam::123456789012:role/tmp";
const params = { RoleArn: TMP };

describe(fromTemporaryCredentials.name, () => {
  it("masterCredentials as an object, or clientConfig.credentials, sign AssumeRole", async () => {
    const home = await homeWith({});
    const env = home.env(sts.env);
    for (const options of [{ masterCredentials: { ...user } }, { clientConfig: { credentials: { ...user } } }, { clientConfig: { credentials: async () => ({ ...user }) } }]) {
      const c = await fromTemporaryCredentials({ env, params, ...options })();
      expect(c).toMatchObject({ source: "assume-role", accountId: "123456789012" });
      expect(sts.calls.at(-1)).toMatchObject({ action: "AssumeRole", accessKeyId: user.accessKeyId, signingRegion: "us-east-1", params: { RoleArn: TMP } });
    }
  });

  it("no region anywhere: the regional us-east-1 endpoint, never the global one; else the region's own", async () => {
    const home = await homeWith({ ".aws/config": "[profile eu]\nregion = eu-south-1\n" });
    const { transport, requests } = recordingTransport(500);
    const attempt = (env: Record<string, string>, props?: object) =>
      rejection(fromTemporaryCredentials({ env: home.env(env), transport, params, masterCredentials: { ...user }, clientConfig: { maxAttempts: 1 } })(props));
    await attempt({});
    await attempt({ AWS_PROFILE: "eu" });
    await attempt({ AWS_REGION: "ca-west-1", AWS_PROFILE: "eu" });
    await attempt({ AWS_REGION: "ca-west-1" }, { callerClientConfig: { region: async () => "me-south-1" } });
    expect(requests.map((r) => [new URL(r.url).host, r.signingRegion])).toEqual([
      ["sts.us-east-1.amazonaws.com", "us-east-1"],
      ["sts.eu-south-1.amazonaws.com", "eu-south-1"],
      ["sts.ca-west-1.amazonaws.com", "ca-west-1"],
      ["sts.me-south-1.amazonaws.com", "me-south-1"],
    ]);
  });

  it("the master provider is asked once and its credentials kept while they last", async () => {
    const home = await homeWith({});
    let asked = 0;
    const provider = fromTemporaryCredentials({ env: home.env(sts.env), params, masterCredentials: async () => (asked++, { ...user }) });
    await provider();
    await provider();
    expect(asked).toBe(1);
  });

  it("without masterCredentials, botocore's default chain in the same environment signs", async () => {
    const home = await homeWith({ ".aws/config": USER_PROFILE });
    await fromTemporaryCredentials({ env: home.env({ ...sts.env, AWS_PROFILE: "user" }), params })();
    expect(sts.calls.at(-1)?.accessKeyId).toBe(user.accessKeyId);
  });

  it("params are sent as STS takes them: tags, policies, session name, source identity", async () => {
    const home = await homeWith({});
    await fromTemporaryCredentials({
      env: home.env(sts.env),
      masterCredentials: { ...user },
      params: {
        RoleArn: TMP,
        RoleSessionName: "mine",
        Policy: '{"Version":"2012-10-17"}',
        PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
        Tags: [{ Key: "team", Value: "a" }],
        TransitiveTagKeys: ["team"],
        SourceIdentity: "alice",
      },
    })();
    expect(sts.calls.at(-1)?.params).toMatchObject({
      RoleSessionName: "mine",
      "PolicyArns.member.1.arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "Tags.member.1.Key": "team",
      "Tags.member.1.Value": "a",
      "TransitiveTagKeys.member.1": "team",
      SourceIdentity: "alice",
    });
  });

  it("checks the request before calling, as botocore: a bad role ARN or duration is InvalidConfig", async () => {
    const home = await homeWith({});
    const start = sts.calls.length;
    expect(await rejection(fromTemporaryCredentials({ env: home.env(sts.env), masterCredentials: { ...user }, params: { RoleArn: "role/dev" } })())).toMatchObject({ code: "InvalidConfig" });
    expect(await rejection(fromTemporaryCredentials({ env: home.env(sts.env), masterCredentials: { ...user }, params: { RoleArn: TMP, DurationSeconds: 60 } })())).toMatchObject({ code: "InvalidConfig" });
    expect(sts.calls.length).toBe(start);
  });

  it("refuses what it has no meaning for when made: a TokenCode, ProvidedContexts, plugins, a SerialNumber without mfaCodeProvider", () => {
    const refusedKey = (options: Parameters<typeof fromTemporaryCredentials>[0]) => {
      try {
        fromTemporaryCredentials(options);
      } catch (e) {
        return (e as { code: string; key: string }).code === "InvalidConfig" ? (e as { key: string }).key : "other";
      }
      return "none";
    };
    expect(refusedKey({ params: { RoleArn: TMP, TokenCode: "123456" } })).toBe("TokenCode");
    expect(refusedKey({ params: { RoleArn: TMP, ProvidedContexts: [{}] } })).toBe("ProvidedContexts");
    expect(refusedKey({ params, clientPlugins: [{}] })).toBe("clientPlugins");
    expect(refusedKey({ params: { RoleArn: TMP, SerialNumber: "arn:aws:iam::123456789012:mfa/me" } })).toBe("params.SerialNumber");
    expect(refusedKey({ params, clientConfig: { requestHandler: {} } })).toBe("clientConfig.requestHandler");
  });

  it("masterCredentials that are not credentials: CredentialRetrieval naming them", async () => {
    const home = await homeWith({});
    expect(() => fromTemporaryCredentials({ env: home.env(sts.env), params, masterCredentials: { accessKeyId: "AKID" } as never })).toThrow(expect.objectContaining({ code: "CredentialRetrieval", message: expect.stringContaining("masterCredentials") }));
    const e = await rejection(fromTemporaryCredentials({ env: home.env(sts.env), params, masterCredentials: async () => ({}) as never })());
    expect(e.message).toContain("masterCredentials");
  });
});
