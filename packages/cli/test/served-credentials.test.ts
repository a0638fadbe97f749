import { CredchainError, createCredentials, type CredentialProvider } from "@credchain/core";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servedCredentials } from "../src/served-credentials.js";
import { getSessionToken } from "../src/sts-for-cli.js";

let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts();
});
afterAll(() => sts.close());

// startSts's default user.
const USER = { accessKeyId: "AKIAEMULATORUSER0001", secretAccessKey: "emulatorUserSecretAccessKey/0001/xxxxxxxx" };
const io = () => ({ env: { ...sts.env, AWS_DEFAULT_REGION: "eu-west-1", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" }, stdout() {}, stderr() {} });
const keys: CredentialProvider = async () => createCredentials({ ...USER, source: "env" });
const session = (durationSeconds = 900) => (k: CredentialProvider) => getSessionToken(io(), undefined, k, { durationSeconds });
const getSessionTokenCalls = () => sts.calls.filter((c) => c.action === "GetSessionToken");

describe(servedCredentials.name, () => {
  it("trades long-term keys for a GetSessionToken session signed with them, and caches it", async () => {
    const before = getSessionTokenCalls().length;
    const served = servedCredentials(keys, { session: session(), refresh: { background: false } });
    const c = await served();
    expect(c).toMatchObject({ accessKeyId: sts.issued.at(-1)?.accessKeyId, sessionToken: sts.issued.at(-1)?.sessionToken, expiration: sts.issued.at(-1)?.expiration });
    expect(c.secretAccessKey).not.toBe(USER.secretAccessKey);
    expect(getSessionTokenCalls().slice(before)).toEqual([expect.objectContaining({ accessKeyId: USER.accessKeyId, params: { DurationSeconds: "900" } })]);
    await served();
    expect(getSessionTokenCalls().length).toBe(before + 1);
  });

  it("renews the session before it expires", async () => {
    let offset = 0;
    const before = getSessionTokenCalls().length;
    const served = servedCredentials(keys, { session: session(900), refresh: { background: false, now: () => Date.now() + offset } });
    const first = await served();
    offset = 700_000; // 200 s left of 900: inside the server's mandatory window (a quarter of the life)
    const second = await served();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(getSessionTokenCalls().length).toBe(before + 2);
  });

  it("serves a session as it is: no STS call", async () => {
    const before = sts.calls.length;
    const sessionCreds = createCredentials({ ...USER, sessionToken: "tok", expiration: new Date(Date.now() + 3600_000), source: "sso" });
    const served = servedCredentials(async () => sessionCreds, { session: session(), refresh: { background: false } });
    expect(await served()).toEqual(sessionCreds);
    expect(sts.calls.length).toBe(before);
  });

  it("with longTermKeys, serves the keys themselves: no STS call", async () => {
    const before = sts.calls.length;
    const served = servedCredentials(keys, { longTermKeys: true, session: session(), refresh: { background: false } });
    const c = await served();
    expect(c).toMatchObject(USER);
    expect([c.sessionToken, c.expiration]).toEqual([undefined, undefined]);
    expect(sts.calls.length).toBe(before);
  });

  it("a refused GetSessionToken is the STS error, with what to do, and no secret", async () => {
    const wrong: CredentialProvider = async () => createCredentials({ accessKeyId: USER.accessKeyId, secretAccessKey: "wrong-secret-0123456789", source: "shared-credentials-file" });
    const error = await servedCredentials(wrong, { session: session(), refresh: { background: false } })().catch((e: unknown) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: "CredentialRetrieval",
      source: "shared-credentials-file",
      message: expect.stringMatching(/^the credentials are long-term keys, which are served as a session from STS GetSessionToken, and that failed: .*SignatureDoesNotMatch.*\(--long-term-keys serves the keys themselves\)$/),
    });
    expect(JSON.stringify(error) + (error as Error).message).not.toContain("wrong-secret-0123456789");
  });
});
