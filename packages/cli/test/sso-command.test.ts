import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSso, startSsoOidc, type DeviceAuthorization, type SsoEmulator, type SsoOidcEmulator } from "@credchain/emulator";
import { HAS_BOTOCORE } from "@credchain/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { home, run } from "./run.js";

const START_URL = "https://corp.awsapps.com/start";
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const CONFIG = [
  "[profile dev]",
  "sso_session = corp",
  "sso_account_id = 123456789012",
  "sso_role_name = credchain-emulator-role",
  "region = eu-west-1",
  "[profile legacy]",
  `sso_start_url = ${START_URL}`,
  "sso_region = us-east-1",
  "sso_account_id = 123456789012",
  "sso_role_name = credchain-emulator-role",
  "[profile plain]",
  "region = eu-west-1",
  "[sso-session corp]",
  `sso_start_url = ${START_URL}`,
  "sso_region = us-east-1",
  "sso_registration_scopes = sso:account:access",
  "",
].join("\n");

const servers: Array<SsoEmulator | SsoOidcEmulator> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/**
 * The portal and SSO-OIDC, the user approving each authorization `afterMs` after it starts, or
 * with `afterFirstPoll`, that long after the CLI first polled (so it has shown the code); never, for `null`.
 */
async function emulators(afterMs: number | null = 0, oidcOptions: Parameters<typeof startSsoOidc>[0] = {}, afterFirstPoll = false) {
  const sso = await startSso();
  const approve = (a: DeviceAuthorization) => {
    if (afterMs === null) return;
    const timer = setInterval(() => {
      if (afterFirstPoll && a.polls < 1) return;
      clearInterval(timer);
      setTimeout(() => oidc.approve(a.userCode), afterMs);
    }, 20);
  };
  const oidc: SsoOidcEmulator = await startSsoOidc({ portal: sso, onDeviceAuthorization: approve, ...oidcOptions });
  servers.push(sso, oidc);
  return { sso, oidc, env: { ...sso.env, ...oidc.env } };
}

const cacheFiles = async (dir: string) => (await readdir(join(dir, ".aws", "sso", "cache")).catch(() => [])).filter((n) => !n.endsWith(".lock")).sort();

// botocore's own SSO credential provider, reading the token cache credchain wrote.
const BOTOCORE = `
import json, sys, botocore.session
c = botocore.session.Session(profile=sys.argv[1]).get_credentials()
print(json.dumps({"method": c.method, "key": c.get_frozen_credentials().access_key}))
`;

describe("credchain sso login", () => {
  it("signs in by device authorization, caches the token where the AWS CLI v2 does, and export uses it", async () => {
    const { sso, oidc, env: endpoints } = await emulators(500, {}, true);
    const env = await home({ ".aws/config": CONFIG }, endpoints);
    const r = await run(["sso", "login", "--profile", "dev"], env);
    expect(r).toMatchObject({ code: 0, stdout: `Successfully logged into Start URL: ${START_URL}\n` });
    // Not a terminal: one line with what to open, no progress, no browser.
    expect(r.stderr).toBe(`credchain: to sign in, open ${oidc.url}/device?user_code=EMUL-0001 (or ${oidc.url}/device and enter the code EMUL-0001)\n`);
    expect(oidc.deviceAuthorizations[0]).toMatchObject({ state: "used" });
    expect(oidc.deviceAuthorizations[0]!.polls).toBeGreaterThanOrEqual(2);

    const dir = env.HOME as string;
    const tokenFile = join(dir, ".aws", "sso", "cache", `${sha1("corp")}.json`);
    const token = JSON.parse(await readFile(tokenFile, "utf8")) as Record<string, string>;
    expect(Object.keys(token)).toEqual(["startUrl", "region", "accessToken", "expiresAt", "clientId", "clientSecret", "registrationExpiresAt", "refreshToken"]);
    expect(token.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    expect(await cacheFiles(dir)).toHaveLength(2); // the token and the client registration

    const exported = await run(["export", "--profile", "dev", "--format", "json"], env);
    expect(JSON.parse(exported.stdout)).toMatchObject({ AccessKeyId: sso.credentials().accessKeyId, Source: "sso" });
  });

  it.skipIf(!HAS_BOTOCORE)("writes a token botocore's SSO credential provider resolves credentials from", async () => {
    const { sso, env: endpoints } = await emulators(0);
    const env = await home({ ".aws/config": CONFIG }, endpoints);
    for (const profile of ["dev", "legacy"]) {
      expect((await run(["sso", "login", "--profile", profile, "--no-browser"], env)).code).toBe(0);
      // Async: the emulators live in this process and must answer botocore meanwhile.
      const py = await promisify(execFile)("python3", ["-c", BOTOCORE, profile], { env: { ...env, PATH: process.env.PATH ?? "" }, encoding: "utf8", timeout: 30_000 });
      expect(JSON.parse(py.stdout), profile).toEqual({ method: "sso", key: sso.credentials().accessKeyId });
    }
    // The legacy profile's token is cached by its start URL.
    expect(await cacheFiles(env.HOME as string)).toContain(`${sha1(START_URL)}.json`);
  });

  it("signs in to --sso-session without a profile, reusing the client registration", async () => {
    const { oidc, env: endpoints } = await emulators(0);
    const env = await home({ ".aws/config": CONFIG }, endpoints);
    expect((await run(["sso", "login", "--sso-session", "corp"], env)).code).toBe(0);
    expect((await run(["sso", "login", "--sso-session=corp"], env)).code).toBe(0);
    expect(oidc.registeredClients.map((c) => c.clientName)).toEqual(["botocore-client-corp"]);
    expect(oidc.deviceAuthorizations).toHaveLength(2);
  });

  it("exits 1 naming the step when the authorization is denied, and writes no token", async () => {
    const { oidc, env: endpoints } = await emulators(null, { onDeviceAuthorization: (a) => void setTimeout(() => oidc.deny(a.userCode), 200) });
    const env = await home({ ".aws/config": CONFIG }, endpoints);
    const r = await run(["sso", "login", "--profile", "dev"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/credchain: TokenRetrieval: The authorization of code EMUL-0001 was denied at http:\/\/127\.0\.0\.1:\d+\/device/);
    expect(await cacheFiles(env.HOME as string)).not.toContain(`${sha1("corp")}.json`);
  });

  it.each([
    [["--profile", "plain"], /InvalidConfig: Missing the following required SSO configuration values in profile "plain" of .*config: sso_start_url, sso_region/],
    [["--profile", "nope"], /ProfileNotFound/],
    [["--sso-session", "other"], /InvalidConfig: The specified sso-session does not exist: "other"/],
  ])("exits 1 for %j without calling SSO-OIDC", async (argv, message) => {
    const { oidc, env: endpoints } = await emulators(0);
    const r = await run(["sso", "login", ...argv], await home({ ".aws/config": CONFIG }, endpoints));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(oidc.requests).toEqual([]);
  });

  it.each([
    [["sso", "login", "--profile", "dev", "--sso-session", "corp"], "give --profile or --sso-session, not both"],
    [["sso", "login", "extra"], 'credchain sso login takes no arguments, got an extra "extra"'],
    [["sso", "logout", "--profile", "dev"], "--profile is not an option of credchain sso logout"],
    [["sso"], "sso needs a subcommand: login, logout"],
    [["sso", "lgin"], 'unknown sso subcommand "lgin" (login, logout); did you mean login?'],
  ])("exits 2 for %j", async (argv, message) => {
    const r = await run(argv, await home({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("credchain sso logout", () => {
  it("signs the token out at the portal and removes it; export then fails as botocore does", async () => {
    const { sso, env: endpoints } = await emulators(0);
    const env = await home({ ".aws/config": CONFIG }, endpoints);
    expect((await run(["sso", "login", "--profile", "dev"], env)).code).toBe(0);
    const r = await run(["sso", "logout"], env);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(sso.requests.filter((q) => q.path === "/logout").map((q) => q.status)).toEqual([200]);
    // The registration stays; the token is gone.
    expect(await cacheFiles(env.HOME as string)).toHaveLength(1);
    const exported = await run(["export", "--profile", "dev", "--format", "json"], env);
    expect(exported.code).toBe(1);
    expect(JSON.parse(exported.stdout)).toMatchObject({ Error: { Code: "SSOTokenLoad" } });
  });
});
