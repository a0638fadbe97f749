import { afterEach, describe, expect, it } from "vitest";
import { SSO_DEFAULT_ACCESS_TOKEN, startSso, type SsoEmulator, type SsoOptions } from "../src/start-sso.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let running: SsoEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((e) => e.close()));
  running = [];
});

async function start(options: SsoOptions = {}) {
  const clock = { t: T0 };
  const sso = await startSso({ now: () => clock.t, ...options });
  running.push(sso);
  return { sso, clock };
}

async function getRole(sso: SsoEmulator, token: string | undefined, role = "credchain-emulator-role", account = "123456789012") {
  const r = await fetch(`${sso.url}/federation/credentials?role_name=${role}&account_id=${account}`, {
    headers: token === undefined ? {} : { "x-amz-sso_bearer_token": token },
  });
  return { status: r.status, errorType: r.headers.get("x-amzn-errortype"), body: await r.text() };
}

describe(startSso.name, () => {
  it("answers GetRoleCredentials with epoch-ms expiration and gives the env to use", async () => {
    const { sso } = await start();
    expect(sso.env).toEqual({ AWS_ENDPOINT_URL_SSO: sso.url });
    const r = await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({
      roleCredentials: {
        accessKeyId: "ASIAEMULATOR00000001",
        secretAccessKey: sso.credentials().secretAccessKey,
        sessionToken: "emulatorSessionToken/00000001",
        expiration: T0 + 3600_000,
      },
    });
  });

  it("401 UnauthorizedException for a missing, unknown, expired or revoked token", async () => {
    const { sso, clock } = await start({ accessTokens: { short: T0 + 1000, long: null } });
    expect((await getRole(sso, undefined)).status).toBe(401);
    const unknown = await getRole(sso, "nope");
    expect(unknown.status).toBe(401);
    expect(unknown.errorType).toMatch(/^UnauthorizedException:/);
    expect(JSON.parse(unknown.body)).toEqual({ message: "Session token not found or invalid" });
    expect((await getRole(sso, "short")).status).toBe(200);
    clock.t += 1000;
    expect((await getRole(sso, "short")).status).toBe(401);
    expect((await getRole(sso, "long")).status).toBe(200);
    sso.revokeAccessToken("long");
    expect((await getRole(sso, "long")).status).toBe(401);
    sso.addAccessToken("later", new Date(T0 + 60_000).toISOString());
    expect((await getRole(sso, "later")).status).toBe(200);
  });

  it("403 ForbiddenException for an account or role not offered, 400 without them", async () => {
    const { sso } = await start({ roles: { "111122223333": ["Developer", "Admin"] } });
    expect((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN, "Developer", "111122223333")).status).toBe(200);
    const wrongRole = await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN, "ReadOnly", "111122223333");
    expect([wrongRole.status, wrongRole.errorType?.split(":")[0]]).toEqual([403, "ForbiddenException"]);
    expect((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN, "Developer", "123456789012")).status).toBe(403);
    const r = await fetch(`${sso.url}/federation/credentials`, { headers: { "x-amz-sso_bearer_token": SSO_DEFAULT_ACCESS_TOKEN } });
    expect(r.status).toBe(400);
  });

  it("404s other paths and 405s other methods", async () => {
    const { sso } = await start();
    expect((await fetch(`${sso.url}/federation/accounts`)).status).toBe(404);
    expect((await fetch(`${sso.url}/federation/credentials`, { method: "POST" })).status).toBe(405);
  });

  it("applies faults and never logs the bearer token", async () => {
    const { sso } = await start();
    sso.fault("/federation/credentials", 503, { times: 1 });
    sso.fault("/federation/credentials", "expired-credentials", { times: 1 });
    expect((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN)).status).toBe(503);
    const expired = JSON.parse((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN)).body);
    expect(expired.roleCredentials.expiration).toBe(T0 - 60_000);
    sso.fault("/federation/credentials", "malformed-json", { times: 1 });
    expect((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN)).body).toBe("<html>not json{");
    expect(sso.requests.map((r) => [r.status, r.fault])).toEqual([
      [503, 503],
      [200, "expired-credentials"],
      [200, "malformed-json"],
    ]);
    expect(sso.requests.every((r) => r.headers["x-amz-sso_bearer_token"] === "[redacted]")).toBe(true);
    expect(JSON.stringify(sso.requests)).not.toContain(SSO_DEFAULT_ACCESS_TOKEN);
  });

  it("serves set credentials and rotates on demand", async () => {
    const { sso } = await start();
    sso.setCredentials({ accessKeyId: "ASIAFIXED", expiration: T0 + 5000 });
    expect(JSON.parse((await getRole(sso, SSO_DEFAULT_ACCESS_TOKEN)).body).roleCredentials).toMatchObject({ accessKeyId: "ASIAFIXED", expiration: T0 + 5000 });
    expect(sso.rotate().accessKeyId).toBe("ASIAEMULATOR00000003");
  });
});
