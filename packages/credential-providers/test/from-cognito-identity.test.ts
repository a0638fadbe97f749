import { inspect } from "node:util";
import { COGNITO_DEFAULT_IDENTITY_POOL_ID, startCognitoIdentity, type CognitoIdentityEmulator } from "@credchain/emulator";
import { rejection } from "@credchain/test-utils";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fromCognitoIdentity } from "../src/from-cognito-identity.js";
import { fromCognitoIdentityPool, type Storage } from "../src/from-cognito-identity-pool.js";

let cognito: CognitoIdentityEmulator;
let env: Record<string, string>;
beforeAll(async () => {
  cognito = await startCognitoIdentity({
    pools: {
      [COGNITO_DEFAULT_IDENTITY_POOL_ID]: { logins: { "accounts.example.com": ["good-token"] } },
      "us-east-1:22222222-2222-4222-8222-222222222222": { allowUnauthenticated: false, logins: { "accounts.example.com": ["good-token"] } },
    },
  });
  // No HOME files: the region comes from env or the options.
  env = { HOME: "/nonexistent", ...cognito.env };
});
afterAll(() => cognito.close());
afterEach(() => cognito.clearFaults());

const POOL = COGNITO_DEFAULT_IDENTITY_POOL_ID;

/** A Storage that records what it is asked, in a Map. */
function recordingStorage(fail = false): Storage & { log: string[]; map: Map<string, string> } {
  const map = new Map<string, string>();
  const log: string[] = [];
  const guard = () => {
    if (fail) throw new Error("storage is down");
  };
  return {
    map,
    log,
    getItem: (k) => (log.push(`get ${k}`), map.get(k) ?? null),
    setItem: async (k, v) => (log.push(`set ${k}`), guard(), void map.set(k, v)),
    removeItem: (k) => (log.push(`remove ${k}`), guard(), void map.delete(k)),
  };
}

describe(fromCognitoIdentity.name, () => {
  it("GetCredentialsForIdentity for the identity: credentials with identityId, expiration and source", async () => {
    const identityId = await fromCognitoIdentityPool({ env, identityPoolId: POOL, clientConfig: { region: "us-east-1" }, cache: recordingStorage() })().then((c) => c.identityId);
    const creds = await fromCognitoIdentity({ env: { ...env, AWS_REGION: "us-east-1" }, identityId })();
    const served = cognito.credentials();
    expect(creds).toMatchObject({ accessKeyId: served.accessKeyId, secretAccessKey: served.secretAccessKey, sessionToken: served.sessionToken, identityId, source: "cognito-identity" });
    expect(creds.expiration?.toISOString()).toBe(served.expiration.toISOString());
    expect(inspect(creds)).not.toContain(served.secretAccessKey);
    expect(JSON.stringify(creds)).not.toContain(served.sessionToken);
  });

  it("the region: clientConfig.region, else the calling client's, else env; none is NoRegion", async () => {
    const identityId = "us-east-1:00000000-0000-4000-8000-000000000999";
    await expect(fromCognitoIdentity({ env, identityId })()).rejects.toMatchObject({ code: "NoRegion" });
    // With a region, the emulator answers (ResourceNotFound for this made-up identity): the call went out.
    const caller = { callerClientConfig: { region: async () => "eu-west-1" } };
    await expect(fromCognitoIdentity({ env, identityId })(caller)).rejects.toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("ResourceNotFoundException") });
  });

  it("logins are resolved on every call (functions called), and sent with the identity", async () => {
    const pool = await fromCognitoIdentityPool({ env, identityPoolId: POOL, clientConfig: { region: "us-east-1" }, logins: { "accounts.example.com": "good-token" } })();
    let asked = 0;
    const provider = fromCognitoIdentity({ env, identityId: pool.identityId, clientConfig: { region: "us-east-1" }, logins: { "accounts.example.com": async () => (asked++, "good-token") } });
    await provider();
    await provider();
    expect(asked).toBe(2);
    expect(cognito.calls.at(-1)).toMatchObject({ action: "GetCredentialsForIdentity", identityId: pool.identityId, logins: ["accounts.example.com"] });
    // A wrong token: the service's NotAuthorizedException, with its status, never the token.
    const bad = await rejection(fromCognitoIdentity({ env, identityId: pool.identityId, clientConfig: { region: "us-east-1" }, logins: { "accounts.example.com": "bad-token" } })());
    expect(bad).toMatchObject({ code: "CredentialRetrieval", status: 400, source: "cognito-identity" });
    expect(bad.message).toContain("NotAuthorizedException");
    expect(bad.message).not.toContain("bad-token");
  });

  it("customRoleArn is sent", async () => {
    const { identityId } = await fromCognitoIdentityPool({ env, identityPoolId: POOL, clientConfig: { region: "us-east-1" }, cache: recordingStorage() })();
    await fromCognitoIdentity({ env, identityId, customRoleArn: "arn:aws:iam::123456789012:role/custom", clientConfig: { region: "us-east-1" } })();
    expect(cognito.calls.at(-1)?.customRoleArn).toBe("arn:aws:iam::123456789012:role/custom");
  });

  it("a 200 without credentials, garbage, or a 5xx after its retries: CredentialRetrieval without the body", async () => {
    const { identityId } = await fromCognitoIdentityPool({ env, identityPoolId: POOL, clientConfig: { region: "us-east-1" }, cache: recordingStorage() })();
    const provider = fromCognitoIdentity({ env, identityId, clientConfig: { region: "us-east-1", maxAttempts: 2 } });
    cognito.fault("GetCredentialsForIdentity", { status: 200, body: JSON.stringify({ IdentityId: identityId }) }, { times: 1 });
    expect(await rejection(provider())).toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("without Credentials") });
    cognito.fault("GetCredentialsForIdentity", { status: 200, body: JSON.stringify({ Credentials: { AccessKeyId: "AKID", SecretKey: "leaked-secret", Expiration: "soon" } }) }, { times: 1 });
    const e = await rejection(provider());
    expect(e.message).toContain("Expiration");
    expect(e.message).not.toContain("leaked-secret");
    cognito.fault("GetCredentialsForIdentity", "malformed-json", { times: 1 });
    expect(await rejection(provider())).toMatchObject({ code: "CredentialRetrieval" });
    const before = cognito.requests.length;
    cognito.fault("GetCredentialsForIdentity", 503, { times: 2 });
    expect(await rejection(provider())).toMatchObject({ code: "CredentialRetrieval", status: 503 });
    expect(cognito.requests.length - before).toBe(2);
    // A transient 5xx is retried away.
    cognito.fault("GetCredentialsForIdentity", 503, { times: 1 });
    await expect(provider()).resolves.toMatchObject({ identityId });
  });

  it("refuses an SDK client and client settings credchain does not have", () => {
    expect(() => fromCognitoIdentity({ identityId: "x", client: {} })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "client" }));
    expect(() => fromCognitoIdentity({ identityId: "x", clientConfig: { requestHandler: {} } })).toThrow(expect.objectContaining({ code: "InvalidConfig", key: "clientConfig.requestHandler" }));
  });
});

describe(fromCognitoIdentityPool.name, () => {
  const region = { clientConfig: { region: "us-east-1" } };

  it("GetId once per provider, kept in the cache under the SDK's key for ANONYMOUS", async () => {
    const cache = recordingStorage();
    const provider = fromCognitoIdentityPool({ env, identityPoolId: POOL, cache, ...region });
    const start = cognito.calls.length;
    const a = await provider();
    const b = await provider();
    expect(a.identityId).toBe(b.identityId);
    expect(cognito.calls.slice(start).map((c) => c.action)).toEqual(["GetId", "GetCredentialsForIdentity", "GetCredentialsForIdentity"]);
    const key = `aws:cognito-identity-credentials:${POOL}:ANONYMOUS`;
    await new Promise((r) => setImmediate(r));
    expect(cache.map.get(key)).toBe(a.identityId);
    // A second provider with the same cache starts from the cached id: no GetId.
    const again = cognito.calls.length;
    expect((await fromCognitoIdentityPool({ env, identityPoolId: POOL, cache, ...region })()).identityId).toBe(a.identityId);
    expect(cognito.calls.slice(again).map((c) => c.action)).toEqual(["GetCredentialsForIdentity"]);
  });

  it("with logins and no userIdentifier the id is not cached; with userIdentifier it is, per user", async () => {
    const cache = recordingStorage();
    const logins = { "accounts.example.com": "good-token" };
    await fromCognitoIdentityPool({ env, identityPoolId: POOL, cache, logins, ...region })();
    expect(cache.log).toEqual([]);
    await fromCognitoIdentityPool({ env, identityPoolId: POOL, cache, logins, userIdentifier: "alice", ...region })();
    await new Promise((r) => setImmediate(r));
    expect([...cache.map.keys()]).toEqual([`aws:cognito-identity-credentials:${POOL}:alice`]);
  });

  it("accountId and logins go with GetId; an unknown pool or a pool without guests fails with the service's error", async () => {
    const start = cognito.calls.length;
    await fromCognitoIdentityPool({ env, identityPoolId: POOL, accountId: "123456789012", cache: recordingStorage(), ...region })();
    expect(cognito.calls[start]).toMatchObject({ action: "GetId", accountId: "123456789012", identityPoolId: POOL });
    const guests = await rejection(fromCognitoIdentityPool({ env, identityPoolId: "us-east-1:22222222-2222-4222-8222-222222222222", cache: recordingStorage(), ...region })());
    expect(guests.message).toContain("NotAuthorizedException");
  });

  it("a failure removes the cached id; an identity Cognito no longer knows is forgotten and asked for again", async () => {
    const cache = recordingStorage();
    const provider = fromCognitoIdentityPool({ env, identityPoolId: POOL, cache, ...region });
    const first = await provider();
    cognito.deleteIdentity(first.identityId);
    const gone = await rejection(provider());
    expect(gone.message).toContain("ResourceNotFoundException");
    await new Promise((r) => setImmediate(r));
    expect(cache.log.at(-1)).toBe(`remove aws:cognito-identity-credentials:${POOL}:ANONYMOUS`);
    const second = await provider();
    expect(second.identityId).not.toBe(first.identityId);
    // A transient failure keeps the identity (as the SDK does), though the cache entry goes.
    cognito.fault("GetCredentialsForIdentity", 500, { times: 3 });
    await rejection(provider());
    expect((await provider()).identityId).toBe(second.identityId);
  });

  it("a cache that fails never fails a resolution", async () => {
    const provider = fromCognitoIdentityPool({ env, identityPoolId: POOL, cache: recordingStorage(true), ...region });
    await expect(provider()).resolves.toMatchObject({ source: "cognito-identity" });
  });

  it("without a cache, the process-wide in-memory one: a second provider reuses the id", async () => {
    const pool = "us-east-1:33333333-3333-4333-8333-333333333333";
    const shared = await startCognitoIdentity({ pools: { [pool]: {} } });
    try {
      const e = { HOME: "/nonexistent", ...shared.env };
      const a = await fromCognitoIdentityPool({ env: e, identityPoolId: pool, ...region })();
      const b = await fromCognitoIdentityPool({ env: e, identityPoolId: pool, ...region })();
      expect(b.identityId).toBe(a.identityId);
      expect(shared.calls.filter((c) => c.action === "GetId")).toHaveLength(1);
    } finally {
      await shared.close();
    }
  });

  it("abandons the call when the caller's signal aborts", async () => {
    cognito.fault("GetId", { delayMs: 5_000 }, { times: 1 });
    const controller = new AbortController();
    const pending = fromCognitoIdentityPool({ env, identityPoolId: POOL, cache: recordingStorage(), ...region })({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await rejection(pending)).toMatchObject({ code: "CredentialRetrieval" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
