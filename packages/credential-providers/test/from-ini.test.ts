import { startSts, type StsEmulator } from "@credchain/emulator";
import { recordingTransport, rejection } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { homeWith, ROLE_ARN, USER_PROFILE } from "./homes.js";
import { fromIni } from "../src/from-ini.js";

let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts();
});
afterAll(() => sts.close());

const DEV = `${USER_PROFILE}[profile dev]\nrole_arn = ${ROLE_ARN}\nsource_profile = user\n`;

describe(fromIni.name, () => {
  it("one chain per calling client's region: each region's client gets its own STS calls, and keeps its credentials", async () => {
    const home = await homeWith({ ".aws/config": DEV });
    const provider = fromIni({ env: home.env(sts.env), profile: "dev" });
    const start = sts.calls.length;
    const eu = await provider({ callerClientConfig: { region: async () => "eu-west-1" } });
    const ap = await provider({ callerClientConfig: { region: "ap-south-1" } });
    expect(await provider({ callerClientConfig: { region: async () => "eu-west-1" } })).toEqual(eu);
    expect(ap.accessKeyId).not.toBe(eu.accessKeyId);
    expect(sts.calls.slice(start).map((c) => c.signingRegion)).toEqual(["eu-west-1", "ap-south-1"]);
  });

  it("a role profile with no region anywhere calls the regional us-east-1 endpoint, not botocore's global one", async () => {
    const home = await homeWith({ ".aws/config": DEV });
    const { transport, requests } = recordingTransport(500);
    await rejection(fromIni({ env: home.env(), transport, profile: "dev", clientConfig: { maxAttempts: 1 } })());
    expect(requests.map((r) => [new URL(r.url).host, r.signingRegion])).toEqual([["sts.us-east-1.amazonaws.com", "us-east-1"]]);
  });

  it("the calling client's profile when none is given", async () => {
    const home = await homeWith({ ".aws/config": `${USER_PROFILE}[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n` });
    const provider = fromIni({ env: home.env() });
    expect((await provider()).accessKeyId).toBe("AKIDDEFAULT");
    expect((await provider({ callerClientConfig: { profile: "user" } })).accessKeyId).toBe("AKIAEMULATORUSER0001");
  });

  it("reads the files once, or on every call with ignoreCache", async () => {
    const home = await homeWith({ ".aws/credentials": "[default]\naws_access_key_id = AKIDFIRST\naws_secret_access_key = s\n" });
    const cached = fromIni({ env: home.env() });
    const fresh = fromIni({ env: home.env(), ignoreCache: true });
    expect([(await cached()).accessKeyId, (await fresh()).accessKeyId]).toEqual(["AKIDFIRST", "AKIDFIRST"]);
    await home.write({ ".aws/credentials": "[default]\naws_access_key_id = AKIDSECOND\naws_secret_access_key = s\naws_credential_scope = us-west-2\n" });
    expect((await cached()).accessKeyId).toBe("AKIDFIRST");
    expect(await fresh()).toMatchObject({ accessKeyId: "AKIDSECOND", credentialScope: "us-west-2" });
  });

  it("roleAssumer answering something that is not credentials: CredentialRetrieval naming it", async () => {
    const home = await homeWith({ ".aws/config": DEV });
    const e = await rejection(fromIni({ env: home.env(), profile: "dev", roleAssumer: async () => ({ accessKeyId: "ASIA" }) as never })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("roleAssumer returned") });
  });

  it("refuses clientPlugins and client settings it has no meaning for when made, not at the first call", () => {
    expect(() => fromIni({ clientPlugins: [{}] })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "clientPlugins" }));
    expect(() => fromIni({ clientConfig: { requestHandler: {} } })).toThrow(expect.objectContaining({ key: "clientConfig.requestHandler" }));
    expect(() => fromIni({ clientConfig: { maxAttempts: 0 } })).toThrow(expect.objectContaining({ key: "clientConfig.maxAttempts" }));
  });

  it("clientConfig.maxAttempts, endpoint and region reach the STS client", async () => {
    const home = await homeWith({ ".aws/config": DEV });
    sts.fault("AssumeRole", 503, { times: 2 });
    const start = sts.requests.length;
    await fromIni({ env: home.env(), profile: "dev", clientConfig: { maxAttempts: 3, endpoint: sts.url, region: "eu-north-1" } })();
    expect(sts.requests.length - start).toBe(3);
    expect(sts.calls.at(-1)?.signingRegion).toBe("eu-north-1");
  });
});
