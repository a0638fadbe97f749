import { execFile, spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import {
  COGNITO_DEFAULT_IDENTITY_POOL_ID as POOL,
  COGNITO_DEFAULT_LOGIN_PROVIDER as PROVIDER,
  COGNITO_DEFAULT_LOGIN_TOKEN as TOKEN,
  startCognitoIdentity,
  type CognitoIdentityEmulator,
  type CognitoIdentityOptions,
} from "../src/start-cognito-identity.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let running: CognitoIdentityEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function start(options: CognitoIdentityOptions = {}) {
  const clock = { t: T0 };
  const cognito = await startCognitoIdentity({ now: () => clock.t, ...options });
  running.push(cognito);
  return { cognito, clock };
}

async function call(cognito: CognitoIdentityEmulator, action: string, input: unknown) {
  const r = await fetch(`${cognito.url}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityService.${action}` },
    body: typeof input === "string" ? input : JSON.stringify(input),
  });
  return { status: r.status, errorType: r.headers.get("x-amzn-errortype"), body: JSON.parse(await r.text()) as Record<string, any> };
}

describe(startCognitoIdentity.name, () => {
  it("GetId then GetCredentialsForIdentity for an unauthenticated identity, Expiration in epoch seconds", async () => {
    const { cognito } = await start();
    expect(cognito.env).toEqual({ AWS_ENDPOINT_URL_COGNITO_IDENTITY: cognito.url });
    const id = await call(cognito, "GetId", { IdentityPoolId: POOL });
    expect(id).toMatchObject({ status: 200, body: { IdentityId: "us-east-1:00000000-0000-4000-8000-000000000001" } });
    // Unauthenticated: a new identity per call, as Cognito does.
    expect((await call(cognito, "GetId", { IdentityPoolId: POOL })).body.IdentityId).toBe("us-east-1:00000000-0000-4000-8000-000000000002");
    const creds = await call(cognito, "GetCredentialsForIdentity", { IdentityId: id.body.IdentityId });
    const c = cognito.credentials();
    expect(creds).toMatchObject({
      status: 200,
      body: { IdentityId: id.body.IdentityId, Credentials: { AccessKeyId: "ASIAEMULATOR00000001", SecretKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: (T0 + 3600_000) / 1000 } },
    });
  });

  it("the same login gets the same identity, whose credentials need that login", async () => {
    const { cognito } = await start();
    const logins = { [PROVIDER]: TOKEN };
    const a = (await call(cognito, "GetId", { IdentityPoolId: POOL, Logins: logins, AccountId: "123456789012" })).body.IdentityId;
    expect((await call(cognito, "GetId", { IdentityPoolId: POOL, Logins: logins })).body.IdentityId).toBe(a);
    expect((await call(cognito, "GetCredentialsForIdentity", { IdentityId: a, Logins: logins })).status).toBe(200);
    const without = await call(cognito, "GetCredentialsForIdentity", { IdentityId: a });
    expect([without.status, without.errorType, without.body.__type]).toEqual([400, "NotAuthorizedException", "NotAuthorizedException"]);
    expect((await call(cognito, "GetOpenIdToken", { IdentityId: a, Logins: logins })).body).toEqual({ IdentityId: a, Token: `emulator-openid-token/${a}` });
    // The log names providers, never tokens.
    expect(JSON.stringify(cognito.calls)).not.toContain(TOKEN);
    expect(cognito.calls[0]).toEqual({ action: "GetId", identityPoolId: POOL, accountId: "123456789012", logins: [PROVIDER] });
  });

  it("refuses unknown pools and identities, bad logins, unauthenticated access where off, malformed input", async () => {
    const { cognito } = await start({ pools: { "eu-west-1:pool": { allowUnauthenticated: false, logins: { "idp.example": ["good"] } } } });
    const code = async (action: string, input: unknown) => (await call(cognito, action, input)).errorType;
    expect(await code("GetId", { IdentityPoolId: POOL })).toBe("ResourceNotFoundException");
    expect(await code("GetId", { IdentityPoolId: "eu-west-1:pool" })).toBe("NotAuthorizedException");
    expect(await code("GetId", { IdentityPoolId: "eu-west-1:pool", Logins: { "idp.example": "bad" } })).toBe("NotAuthorizedException");
    expect(await code("GetId", { IdentityPoolId: "eu-west-1:pool", Logins: { "idp.example": 1 } })).toBe("InvalidParameterException");
    expect(await code("GetId", {})).toBe("InvalidParameterException");
    expect(await code("GetId", { IdentityPoolId: "eu-west-1:pool", AccountId: "12" })).toBe("InvalidParameterException");
    expect(await code("GetId", "[1]")).toBe("SerializationException");
    expect(await code("GetCredentialsForIdentity", { IdentityId: "eu-west-1:nobody" })).toBe("ResourceNotFoundException");
    expect(await code("ListIdentities", {})).toBe("UnknownOperationException");
    const id = (await call(cognito, "GetId", { IdentityPoolId: "eu-west-1:pool", Logins: { "idp.example": "good" } })).body.IdentityId;
    expect(id).toMatch(/^eu-west-1:/);
    expect(await code("GetCredentialsForIdentity", { IdentityId: id, Logins: { "idp.example": "good" }, CustomRoleArn: "not-an-arn" })).toBe("InvalidParameterException");
    cognito.deleteIdentity(id);
    expect(await code("GetCredentialsForIdentity", { IdentityId: id, Logins: { "idp.example": "good" } })).toBe("ResourceNotFoundException");
    expect((await fetch(`${cognito.url}/`)).status).toBe(404);
  });

  it("applies faults by operation name, and expired-credentials", async () => {
    const { cognito } = await start();
    cognito.fault("GetId", 500, { times: 1 });
    cognito.fault("GetCredentialsForIdentity", "expired-credentials", { times: 1 });
    expect((await call(cognito, "GetId", { IdentityPoolId: POOL }).catch(() => ({ status: 500 }))).status).toBe(500);
    const id = (await call(cognito, "GetId", { IdentityPoolId: POOL })).body.IdentityId;
    const expired = await call(cognito, "GetCredentialsForIdentity", { IdentityId: id });
    expect(expired.body.Credentials.Expiration).toBe((T0 - 60_000) / 1000);
    expect(cognito.requests.map((r) => r.fault)).toEqual([500, undefined, "expired-credentials"]);
  });
});

// The reference client: botocore's cognito-identity client (unsigned calls) against the emulator.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;
const SCRIPT = `
import json, sys, botocore.session
from botocore import UNSIGNED
from botocore.config import Config
c = botocore.session.get_session().create_client("cognito-identity", region_name="us-east-1", config=Config(signature_version=UNSIGNED))
pool, provider, token = sys.argv[1:4]
i = c.get_id(IdentityPoolId=pool, Logins={provider: token})["IdentityId"]
r = c.get_credentials_for_identity(IdentityId=i, Logins={provider: token})["Credentials"]
try:
    c.get_id(IdentityPoolId="us-east-1:missing")
    err = None
except c.exceptions.ResourceNotFoundException as e:
    err = e.response["Error"]["Code"]
print(json.dumps({"id": i, "key": r["AccessKeyId"], "secret": r["SecretKey"], "expiration": r["Expiration"].isoformat(), "error": err}))
`;

describe.skipIf(!hasBotocore)("botocore against the Cognito Identity emulator", () => {
  it("GetId and GetCredentialsForIdentity read as botocore reads the real service, errors by their code", async () => {
    const { cognito } = await start();
    const out = await new Promise<Record<string, unknown>>((resolve, reject) =>
      execFile(
        "python3",
        ["-c", SCRIPT, POOL, PROVIDER, TOKEN],
        { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent", ...cognito.env } },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout))),
      ),
    );
    const c = cognito.credentials();
    expect(out).toEqual({
      id: "us-east-1:00000000-0000-4000-8000-000000000001",
      key: c.accessKeyId,
      secret: c.secretAccessKey,
      expiration: new Date(T0 + 3600_000).toISOString().replace(".000Z", "+00:00"),
      error: "ResourceNotFoundException",
    });
    expect(cognito.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});
