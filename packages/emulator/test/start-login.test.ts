import { createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { verifyDpopProof } from "../src/dpop-proof.js";
import { startLogin, type LoginEmulator, type LoginOptions } from "../src/start-login.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const clock = { t: T0 };
let running: LoginEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function start(options: LoginOptions = {}) {
  clock.t = T0;
  const login = await startLogin({ now: () => clock.t, ...options });
  running.push(login);
  return login;
}

const newKey = () => generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** A DPoP proof as botocore builds one; `tweak` bends the header, payload or signature. */
function proof(key: KeyObject, url: string, tweak: { header?: object; payload?: object; signWith?: KeyObject } = {}): string {
  const { x, y } = createPublicKey(key).export({ format: "jwk" });
  const input = `${b64({ typ: "dpop+jwt", alg: "ES256", jwk: { kty: "EC", x, y, crv: "P-256" }, ...tweak.header })}.${b64({
    htm: "POST",
    htu: url,
    iat: Math.floor(clock.t / 1000),
    jti: randomUUID(),
    ...tweak.payload,
  })}`;
  return `${input}.${sign("sha256", Buffer.from(input), { key: tweak.signWith ?? key, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
}

const GRANT = { clientId: "arn:aws:signin:::devtools/same-device", grantType: "refresh_token", refreshToken: "emulator-login-refresh-token" };

async function createToken(login: LoginEmulator, body: unknown, dpop?: string) {
  const r = await fetch(`${login.url}/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(dpop !== undefined && { dpop }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get("x-amzn-errortype") ?? undefined, body: JSON.parse(await r.text()) as Record<string, unknown> };
}

describe(startLogin.name, () => {
  it("issues credentials and a rotated refresh token for a valid DPoP-signed refresh", async () => {
    const login = await start();
    expect(login.env).toEqual({ AWS_ENDPOINT_URL_SIGNIN: login.url });
    const key = newKey();
    const r = await createToken(login, GRANT, proof(key, `${login.url}/v1/token`));
    expect(r).toEqual({
      status: 200,
      type: undefined,
      body: {
        accessToken: { accessKeyId: "ASIALOGINEMU00000001", secretAccessKey: "emulatorLoginSecretKey/00000001/xxxxxxxxx", sessionToken: "emulatorLoginSessionToken/00000001" },
        tokenType: "aws_sigv4",
        expiresIn: 900,
        refreshToken: "emulator-login-refresh-token-00000001",
      },
    });
    expect(login.issuedCredentials[0]!.expiration).toEqual(new Date(T0 + 900_000));
    expect(login.proofs).toHaveLength(1);
    expect(login.refreshTokens()).toEqual(["emulator-login-refresh-token-00000001"]);
    // The used token is gone; its successor is bound to the same key.
    expect(await createToken(login, GRANT, proof(key, `${login.url}/v1/token`))).toMatchObject({ status: 400, type: "AccessDeniedException", body: { error: "TOKEN_EXPIRED" } });
    const next = { ...GRANT, refreshToken: "emulator-login-refresh-token-00000001" };
    expect((await createToken(login, next, proof(newKey(), `${login.url}/v1/token`))).body.message).toMatch(/not the one the refresh token is bound to/);
    expect((await createToken(login, next, proof(key, `${login.url}/v1/token`))).status).toBe(200);
  });

  it("rejects bad DPoP proofs with ValidationException INVALID_REQUEST", async () => {
    const login = await start({ rotateRefreshTokens: false });
    const key = newKey();
    const url = `${login.url}/v1/token`;
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /DPoP header is missing/],
      ["a.b", /not a compact JWT/],
      [proof(key, url, { header: { typ: "JWT" } }), /typ/],
      [proof(key, url, { header: { alg: "RS256" } }), /alg/],
      [proof(key, url, { signWith: newKey() }), /signature does not verify/],
      [proof(key, url, { payload: { htm: "GET" } }), /htm/],
      [proof(key, `${login.url}/other`), /htu/],
      [proof(key, url, { payload: { iat: Math.floor(T0 / 1000) - 301 } }), /iat/],
      [proof(key, url, { payload: { jti: "" } }), /jti/],
      [proof(key, url, { header: { jwk: { ...createPublicKey(key).export({ format: "jwk" }), d: "secret" } } }), /private key/],
    ];
    for (const [dpop, reason] of cases) {
      const r = await createToken(login, GRANT, dpop);
      expect([r.status, r.type, r.body.error]).toEqual([400, "ValidationException", "INVALID_REQUEST"]);
      expect(r.body.message).toMatch(reason);
    }
    const replayed = proof(key, url, { payload: { jti: "same" } });
    expect((await createToken(login, GRANT, replayed)).status).toBe(200);
    expect((await createToken(login, GRANT, replayed)).body.message).toMatch(/jti was already used/);
    expect(login.issuedCredentials).toHaveLength(1);
  });

  it("rejects bad bodies and clients, and revoked tokens with the chosen error", async () => {
    const login = await start();
    const key = newKey();
    const p = () => proof(key, `${login.url}/v1/token`);
    expect((await createToken(login, "not json", p())).body.message).toMatch(/not a JSON object/);
    expect((await createToken(login, { ...GRANT, clientId: "other" }, p())).body.message).toMatch(/clientId/);
    expect((await createToken(login, { ...GRANT, grantType: "authorization_code" }, p())).body.message).toMatch(/Unsupported grantType/);
    expect((await createToken(login, { ...GRANT, refreshToken: "" }, p())).body.message).toMatch(/refreshToken is required/);
    login.revokeRefreshToken("emulator-login-refresh-token", "USER_CREDENTIALS_CHANGED");
    expect(await createToken(login, GRANT, p())).toMatchObject({ status: 400, type: "AccessDeniedException", body: { error: "USER_CREDENTIALS_CHANGED" } });
    login.addRefreshToken("emulator-login-refresh-token");
    expect((await createToken(login, GRANT, p())).status).toBe(200);
    expect((await fetch(`${login.url}/v1/token`)).status).toBe(405);
    expect((await fetch(`${login.url}/other`, { method: "POST" })).status).toBe(404);
  });

  it("applies faults and the expired-credentials flag", async () => {
    const login = await start({ credentialLifetimeSeconds: 60, rotateRefreshTokens: false });
    const key = newKey();
    login.fault("/v1/token", { status: 500, body: "{}" }, { times: 1 });
    expect((await createToken(login, GRANT, proof(key, `${login.url}/v1/token`))).status).toBe(500);
    expect((await createToken(login, GRANT, proof(key, `${login.url}/v1/token`))).body.expiresIn).toBe(60);
    login.fault("/v1/token", "expired-credentials", { times: 1 });
    expect((await createToken(login, GRANT, proof(key, `${login.url}/v1/token`))).body.expiresIn).toBe(-60);
    expect(login.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/v1/token", 500],
      ["POST", "/v1/token", 200],
      ["POST", "/v1/token", 200],
    ]);
  });
});

describe(verifyDpopProof.name, () => {
  it("accepts a proof whose htu differs only by query, and returns the key thumbprint (RFC 7638)", () => {
    clock.t = T0;
    const key = newKey();
    const outcome = verifyDpopProof(proof(key, "http://h/v1/token?x=1"), { method: "POST", url: "http://h/v1/token", nowSeconds: T0 / 1000, maxSkewSeconds: 0 });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.proof.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
