import { afterEach, describe, expect, it } from "vitest";
import { startSso, type SsoEmulator } from "../src/start-sso.js";
import { startSsoOidc, type SsoOidcEmulator, type SsoOidcOptions } from "../src/start-sso-oidc.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let running: Array<SsoEmulator | SsoOidcEmulator> = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

const clock = { t: T0 };
async function start(options: SsoOidcOptions = {}) {
  clock.t = T0;
  const oidc = await startSsoOidc({ now: () => clock.t, ...options });
  running.push(oidc);
  return oidc;
}

const GRANT = { clientId: "emulator-client-id", clientSecret: "emulator-client-secret", grantType: "refresh_token", refreshToken: "emulator-refresh-token" };

async function createToken(oidc: SsoOidcEmulator, body: unknown) {
  const r = await fetch(`${oidc.url}/token`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: r.status, errorType: r.headers.get("x-amzn-errortype")?.split(":")[0], body: JSON.parse(await r.text()) as Record<string, unknown> };
}

describe(startSsoOidc.name, () => {
  it("issues an access token for the refresh_token grant and rotates the refresh token", async () => {
    const oidc = await start();
    expect(oidc.env).toEqual({ AWS_ENDPOINT_URL_SSO_OIDC: oidc.url });
    const r = await createToken(oidc, GRANT);
    expect(r).toEqual({
      status: 200,
      errorType: undefined,
      body: { accessToken: "emulator-sso-access-token-00000001", tokenType: "Bearer", expiresIn: 3600, refreshToken: "emulator-refresh-token-00000001" },
    });
    expect(oidc.refreshTokens()).toEqual(["emulator-refresh-token-00000001"]);
    const reused = await createToken(oidc, GRANT);
    expect([reused.status, reused.errorType, reused.body.error]).toEqual([400, "InvalidGrantException", "invalid_grant"]);
    expect(oidc.issuedAccessTokens).toEqual(["emulator-sso-access-token-00000001"]);
  });

  it("keeps the refresh token when rotation is off; revoked ones get InvalidGrantException", async () => {
    const oidc = await start({ rotateRefreshTokens: false, accessTokenLifetimeSeconds: 60 });
    expect((await createToken(oidc, GRANT)).body.refreshToken).toBe("emulator-refresh-token");
    expect((await createToken(oidc, GRANT)).body.expiresIn).toBe(60);
    oidc.revokeRefreshToken("emulator-refresh-token");
    expect((await createToken(oidc, GRANT)).errorType).toBe("InvalidGrantException");
    oidc.addRefreshToken("other");
    expect((await createToken(oidc, { ...GRANT, refreshToken: "other" })).status).toBe(200);
  });

  it("rejects bad clients, grant types and bodies", async () => {
    const oidc = await start();
    expect((await createToken(oidc, { ...GRANT, clientSecret: "wrong" })).errorType).toBe("InvalidClientException");
    expect((await createToken(oidc, { ...GRANT, grantType: "authorization_code" })).errorType).toBe("UnsupportedGrantTypeException");
    expect((await createToken(oidc, "not json")).errorType).toBe("InvalidRequestException");
    expect((await createToken(oidc, { grantType: "refresh_token" })).status).toBe(400);
    expect((await fetch(`${oidc.url}/token`)).status).toBe(405);
    expect((await fetch(`${oidc.url}/other`, { method: "POST" })).status).toBe(404);
  });

  it("registers issued access tokens with a portal until they expire", async () => {
    const sso = await startSso({ now: () => clock.t, accessTokens: {} });
    running.push(sso);
    const oidc = await start({ portal: sso });
    const { accessToken } = (await createToken(oidc, GRANT)).body as { accessToken: string };
    const getRole = () =>
      fetch(`${sso.url}/federation/credentials?role_name=credchain-emulator-role&account_id=123456789012`, { headers: { "x-amz-sso_bearer_token": accessToken } }).then((r) => r.status);
    expect(await getRole()).toBe(200);
    clock.t += 3600_000;
    expect(await getRole()).toBe(401);
  });

  it("applies faults", async () => {
    const oidc = await start();
    oidc.fault("/token", { status: 500, body: "{}" }, { times: 1 });
    expect((await createToken(oidc, GRANT)).status).toBe(500);
    expect((await createToken(oidc, GRANT)).status).toBe(200);
    expect(oidc.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/token", 500],
      ["POST", "/token", 200],
    ]);
  });
});
