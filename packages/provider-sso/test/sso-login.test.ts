import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { startSso, startSsoOidc, type SsoEmulator, type SsoOidcEmulator } from "@credchain/emulator";
import { makeTempHome, rejection, type TempHome } from "@credchain/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { fromSso } from "../src/from-sso.js";
import { pythonJsonDumps } from "../src/python-json.js";
import { ssoLogin, type SsoLoginInit } from "../src/sso-login.js";
import { ssoRegistrationCacheFile } from "../src/sso-registration.js";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const START_URL = "https://corp.awsapps.com/start";
const SESSION = { sessionName: "corp", startUrl: START_URL, region: "us-east-1", registrationScopes: ["sso:account:access"] };
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0, 250);

interface World {
  home: TempHome;
  sso: SsoEmulator;
  oidc: SsoOidcEmulator;
  clock: { now: number };
  sleeps: number[];
  init(extra?: Partial<SsoLoginInit>): SsoLoginInit;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await Promise.all([w.oidc.close(), w.sso.close(), w.home.remove()]);
});

async function world(oidcOptions: Parameters<typeof startSsoOidc>[0] = {}): Promise<World> {
  const clock = { now: T0 };
  const now = () => clock.now;
  const sso = await startSso({ now });
  const oidc = await startSsoOidc({ portal: sso, now, ...oidcOptions });
  const home = await makeTempHome("credchain-sso-login-");
  const sleeps: number[] = [];
  const w: World = {
    home,
    sso,
    oidc,
    clock,
    sleeps,
    init: (extra = {}) => ({
      env: { ...sso.env, ...oidc.env },
      homedir: home.dir,
      now,
      session: SESSION,
      // Waiting moves the clock the emulator shares.
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.now += ms;
      },
      ...extra,
    }),
  };
  worlds.push(w);
  return w;
}

describe(ssoLogin.name, () => {
  it("registers a client, shows the code once, polls until approved, and caches the token as the AWS CLI v2 does", async () => {
    const w = await world();
    const shown: string[] = [];
    const result = await ssoLogin(
      w.init({
        onPendingAuthorization: (a) => void shown.push(`${a.userCode} ${a.verificationUri} ${a.verificationUriComplete}`),
        // The user approves while the CLI waits for the second time.
        onWait: ({ polls }) => void (polls === 2 && w.oidc.approve()),
      }),
    );
    expect(shown).toEqual([`EMUL-0001 ${w.oidc.url}/device ${w.oidc.url}/device?user_code=EMUL-0001`]);
    expect(w.sleeps).toEqual([1000, 1000]);
    const cacheDir = join(w.home.dir, ".aws", "sso", "cache");
    expect(result.file).toBe(join(cacheDir, `${sha1("corp")}.json`));
    // The registration's cache name: sha1 of Python's json.dumps of the arguments, sorted.
    const key = `{"region": "us-east-1", "scopes": ["sso:account:access"], "session_name": "corp", "startUrl": "${START_URL}", "tool": "botocore"}`;
    expect(result.registrationFile).toBe(join(cacheDir, `${sha1(key)}.json`));
    expect((await readdir(cacheDir)).sort()).toEqual([`${sha1("corp")}.json`, `${sha1(key)}.json`].sort());

    const registration = { clientId: "emulator-registered-client-0001", clientSecret: "emulator-registered-client-secret-0001", expiresAt: "2027-02-20T12:00:00Z", scopes: ["sso:account:access"] };
    expect(await readFile(result.registrationFile, "utf8")).toBe(pythonJsonDumps(registration));
    const token = {
      startUrl: START_URL,
      region: "us-east-1",
      accessToken: "emulator-sso-access-token-00000001",
      expiresAt: "2026-11-22T13:00:02Z",
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      registrationExpiresAt: registration.expiresAt,
      refreshToken: "emulator-refresh-token-00000001",
    };
    expect(await readFile(result.file, "utf8")).toBe(pythonJsonDumps(token));
    expect(result.token).toEqual(token);
    for (const file of [result.file, result.registrationFile]) expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(w.oidc.registeredClients).toEqual([expect.objectContaining({ clientName: "botocore-client-corp", clientType: "public", scopes: ["sso:account:access"] })]);

    // fromSso uses the token it wrote.
    const credentials = await fromSso({
      profile: "dev",
      ssoSession: "corp",
      ssoStartUrl: START_URL,
      ssoRegion: "us-east-1",
      ssoAccountId: "123456789012",
      ssoRoleName: "credchain-emulator-role",
      sessionConfig: { sso_start_url: START_URL, sso_region: "us-east-1" },
      env: w.init().env,
      homedir: w.home.dir,
      now: () => w.clock.now,
    })();
    expect(credentials.accessKeyId).toBe(w.sso.credentials().accessKeyId);
  });

  it("reuses the cached registration while 15 minutes or more are left, and registers again after", async () => {
    const w = await world({ autoApprove: true, registeredClientLifetimeSeconds: 3600 });
    const shown: string[] = [];
    await ssoLogin(w.init({ onPendingAuthorization: () => void shown.push("shown") }));
    w.clock.now += 45 * 60_000 - 1000; // 15 minutes and a second left
    await ssoLogin(w.init());
    expect(w.oidc.registeredClients).toHaveLength(1);
    w.clock.now += 2000; // now under 15 minutes
    const third = await ssoLogin(w.init());
    expect(w.oidc.registeredClients).toHaveLength(2);
    expect(third.token.clientId).toBe("emulator-registered-client-0002");
    // Pre-approved: no user step was ever shown.
    expect(shown).toEqual([]);
  });

  it("polls 5 seconds less often after each slow_down", async () => {
    const w = await world();
    const slowDown = { status: 400, headers: { "content-type": "application/json", "x-amzn-errortype": "SlowDownException:" }, body: '{"error":"slow_down"}' };
    w.oidc.fault("/token", slowDown, { times: 2 });
    await ssoLogin(w.init({ onWait: ({ polls }) => void (polls === 3 && w.oidc.approve()) }));
    expect(w.sleeps).toEqual([6000, 11000, 11000]);
  });

  it("caches a legacy profile's token by its start URL, with a client named after the time", async () => {
    const w = await world({ autoApprove: true });
    const result = await ssoLogin(w.init({ session: { startUrl: START_URL, region: "us-east-1" } }));
    expect(result.file).toBe(join(w.home.dir, ".aws", "sso", "cache", `${sha1(START_URL)}.json`));
    expect(result.registrationFile).toBe(ssoRegistrationCacheFile(w.home.dir, { startUrl: START_URL, region: "us-east-1" }));
    expect(w.oidc.registeredClients[0]?.clientName).toBe(`botocore-client-${Math.floor(T0 / 1000)}`);
  });

  it("fails with TokenRetrieval when the authorization is denied, or SSO-OIDC says it expired, and writes no token", async () => {
    const denied = await world({ onDeviceAuthorization: () => queueMicrotask(() => denied.oidc.deny()) });
    const error = await rejection(ssoLogin(denied.init()));
    expect(error).toMatchObject({ code: "TokenRetrieval", source: "sso" });
    expect(error.message).toMatch(/^The authorization of code EMUL-0001 was denied at http:\/\/127\.0\.0\.1:\d+\/device/);
    const expired = await world({ deviceAuthorizationLifetimeSeconds: 3 });
    const late = await rejection(ssoLogin(expired.init()));
    expect(late).toMatchObject({ code: "TokenRetrieval" });
    expect(late.message).toMatch(/^The pending authorization to retrieve an SSO token has expired \(code EMUL-0001, at 2026-11-22T12:00:03\.250Z\)/);
    expect(expired.sleeps).toEqual([1000, 1000, 1000]);
    const files = await readdir(join(expired.home.dir, ".aws", "sso", "cache"));
    expect(files.filter((f) => !f.endsWith(".lock"))).toEqual([`${sha1(`{"region": "us-east-1", "scopes": ["sso:account:access"], "session_name": "corp", "startUrl": "${START_URL}", "tool": "botocore"}`)}.json`]);
  });

  it("stops at the authorization's expiry when SSO-OIDC keeps saying pending (botocore would poll for ever)", async () => {
    const w = await world({ deviceAuthorizationLifetimeSeconds: 5 });
    const pending = { status: 400, headers: { "content-type": "application/json", "x-amzn-errortype": "AuthorizationPendingException:" }, body: "{}" };
    w.oidc.fault("/token", pending);
    const error = await rejection(ssoLogin(w.init()));
    expect(error.message).toMatch(/pending authorization to retrieve an SSO token has expired/);
    expect(w.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
  });

  it("names the operation and the endpoint when SSO-OIDC fails, after its retries", async () => {
    const w = await world();
    w.oidc.fault("/client/register", 503);
    const error = await rejection(ssoLogin(w.init({ maxAttempts: 2 })));
    expect(error).toMatchObject({ code: "TokenRetrieval" });
    expect(error.message).toBe(`SSO-OIDC RegisterClient at ${w.oidc.url}/client/register failed: 503 (HTTP 503)`);
    const refused = await world();
    refused.oidc.fault("/device_authorization", { status: 401, headers: { "x-amzn-errortype": "InvalidClientException:" }, body: "{}" });
    expect((await rejection(ssoLogin(refused.init()))).message).toMatch(/^SSO-OIDC StartDeviceAuthorization at .* failed: InvalidClientException \(HTTP 401\)$/);
  });

  it("never sleeps past the authorization's expiry, whatever interval the service asks for", async () => {
    const w = await world({ pollIntervalSeconds: 1e9, deviceAuthorizationLifetimeSeconds: 3 });
    const error = await rejection(ssoLogin(w.init()));
    expect(error.message).toMatch(/pending authorization to retrieve an SSO token has expired/);
    expect(w.sleeps).toEqual([3000]);
  });

  it("waits an hour at most, whatever expiresIn the service answers", async () => {
    const w = await world({ deviceAuthorizationLifetimeSeconds: 1e9, pollIntervalSeconds: 600 });
    const error = await rejection(ssoLogin(w.init()));
    expect(error.message).toMatch(/pending authorization to retrieve an SSO token has expired/);
    expect(w.sleeps.reduce((a, b) => a + b, 0)).toBe(3600_000);
  });

  const json = (body: object) => ({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  it.each([
    ["/client/register", { clientId: "c", clientSecret: "s", clientSecretExpiresAt: 1e300 }, /^SSO-OIDC RegisterClient at .* answered clientSecretExpiresAt = 1e\+300, which is not a time/],
    ["/client/register", { clientId: "c", clientSecret: "s", clientSecretExpiresAt: -1 }, /answered clientSecretExpiresAt = -1, which is not a time/],
    ["/device_authorization", { deviceCode: "d", userCode: "AB\u001b[2JCD", verificationUri: "https://x.example/device", expiresIn: 600 }, /StartDeviceAuthorization at .* answered a userCode that cannot be shown \(control characters or spaces\)$/],
    ["/device_authorization", { deviceCode: "d", userCode: "ABCD", verificationUri: "file:///etc/passwd", expiresIn: 600 }, /answered a verificationUri that cannot be shown or opened/],
    ["/device_authorization", { deviceCode: "d", userCode: "ABCD", verificationUri: "https://x.example/device", verificationUriComplete: "https://x.example/device?c=1 --flag", expiresIn: 600 }, /answered a verificationUriComplete that cannot be shown or opened/],
    ["/device_authorization", { deviceCode: "d", userCode: "ABCD", verificationUri: "https://x.example/device", expiresIn: 1e300 }, /answered expiresIn = 1e\+300, which is not a time/],
    ["/token", { accessToken: "a", expiresIn: 1e300 }, /^SSO-OIDC CreateToken at .* answered expiresIn = 1e\+300, which is not a time/],
  ])("refuses a %s answer it cannot use (%j) with TokenRetrieval naming the field, and writes no token", async (path, body, message) => {
    const w = await world({ autoApprove: true });
    w.oidc.fault(path, json(body));
    const error = await rejection(ssoLogin(w.init()));
    expect(error).toMatchObject({ code: "TokenRetrieval", source: "sso" });
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\u001b");
    const files = await readdir(join(w.home.dir, ".aws", "sso", "cache")).catch(() => [] as string[]);
    expect(files).not.toContain(`${sha1("corp")}.json`);
  });

  it("refuses a region that would send the sign-in elsewhere", async () => {
    const w = await world();
    const error = await rejection(ssoLogin(w.init({ env: {}, session: { ...SESSION, region: "evil.example/x" } })));
    expect(error).toMatchObject({ code: "TokenRetrieval" });
    expect(error.message).toMatch(/sso_region/);
  });
});
