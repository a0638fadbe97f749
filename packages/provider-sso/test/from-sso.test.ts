import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { startSso, startSsoOidc, type SsoEmulator, type SsoOidcEmulator } from "@credchain/emulator";
import { TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromSso, type SsoInit } from "../src/from-sso.js";
import { ssoTokenCacheFile } from "../src/token-cache.js";
import { iso, makeSsoHome, sha1, writeCache } from "./sso-home.js";

const hasPython = spawnSync("python3", ["-c", "import hashlib"], { stdio: "ignore" }).status === 0;
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const START_URL = "https://corp.awsapps.com/start";
const TOKEN = "cached-access-token-abcdef";
const clock = { t: T0 };

let home: Awaited<ReturnType<typeof makeSsoHome>>;
let sso: SsoEmulator;
let oidc: SsoOidcEmulator;
beforeEach(async () => {
  clock.t = T0;
  home = await makeSsoHome();
  sso = await startSso({ now: () => clock.t, accessTokens: { [TOKEN]: null }, roles: { "111122223333": ["Developer"] } });
  oidc = await startSsoOidc({ now: () => clock.t, portal: sso });
});
afterEach(async () => {
  await Promise.all([sso.close(), oidc.close(), home.cleanup()]);
});

const SESSION_PROFILE = {
  profile: "dev",
  ssoSession: "corp",
  ssoStartUrl: START_URL,
  ssoRegion: "eu-west-1",
  ssoAccountId: "111122223333",
  ssoRoleName: "Developer",
  sessionConfig: { sso_start_url: START_URL, sso_region: "eu-west-1" },
};
const LEGACY_PROFILE = { profile: "old", ssoStartUrl: START_URL, ssoRegion: "eu-west-1", ssoAccountId: "111122223333", ssoRoleName: "Developer" };

function provider(config: Omit<SsoInit, "homedir" | "env" | "now">, env: Record<string, string> = {}) {
  return fromSso({ homedir: home.home, env: { ...sso.env, ...oidc.env, ...env }, now: () => clock.t, sleep: async () => {}, ...config });
}

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => {
      throw new Error("resolved");
    },
    (error: unknown) => error,
  );
  return e as { code: string; message: string; source: string; profile?: string; status?: number; lookedAt?: { files?: string[]; note?: string; profile?: string } };
}

const validToken = (extra: object = {}) => ({ accessToken: TOKEN, expiresAt: iso(T0 + 8 * 3600_000), region: "eu-west-1", startUrl: START_URL, ...extra });
const refreshable = (extra: object = {}) =>
  validToken({
    refreshToken: "emulator-refresh-token",
    clientId: "emulator-client-id",
    clientSecret: "emulator-client-secret",
    registrationExpiresAt: iso(T0 + 90 * 86400_000),
    ...extra,
  });

describe(fromSso.name, () => {
  it.skipIf(!hasPython)("names cache files as botocore does: sha1 of the sso-session name, or of the start URL", () => {
    const py = (text: string) => execFileSync("python3", ["-c", "import hashlib,sys; print(hashlib.sha1(sys.argv[1].encode()).hexdigest())", text], { encoding: "utf8" }).trim();
    const expected = [py("corp"), py(START_URL)];
    expect(ssoTokenCacheFile("/h", { ssoSession: "corp", ssoStartUrl: START_URL })).toBe(`/h/.aws/sso/cache/${expected[0]}.json`);
    expect(ssoTokenCacheFile("/h", { ssoStartUrl: START_URL })).toBe(`/h/.aws/sso/cache/${expected[1]}.json`);
  });

  it("sso-session form: GetRoleCredentials with the cached token", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const creds = await provider(SESSION_PROFILE)();
    expect({ ...creds }).toEqual({
      accessKeyId: "ASIAEMULATOR00000001",
      secretAccessKey: sso.credentials().secretAccessKey,
      sessionToken: "emulatorSessionToken/00000001",
      expiration: new Date(T0 + 3600_000),
      accountId: "111122223333",
      source: "sso",
    });
    expect(sso.requests).toHaveLength(1);
    expect(sso.requests[0]).toMatchObject({ method: "GET", path: "/federation/credentials", query: "?role_name=Developer&account_id=111122223333" });
    expect(oidc.requests).toHaveLength(0);
  });

  it("legacy form: the cache file is named by the start URL", async () => {
    await writeCache(home.cacheDir, START_URL, validToken());
    expect((await provider(LEGACY_PROFILE)()).accessKeyId).toBe("ASIAEMULATOR00000001");
    // The sso-session file does not serve a legacy profile.
    await home.cleanup();
    home = await makeSsoHome();
    await writeCache(home.cacheDir, "corp", validToken());
    expect((await failure(provider(LEGACY_PROFILE)())).code).toBe("SSOTokenLoad");
  });

  it("expiration is whole seconds from the epoch-ms answer", async () => {
    sso.setCredentials({ expiration: T0 + 3600_000 + 789 });
    await writeCache(home.cacheDir, "corp", validToken());
    expect((await provider(SESSION_PROFILE)()).expiration).toEqual(new Date(T0 + 3600_000));
  });

  it("no cached token: SSOTokenLoad with the login command and the file looked at", async () => {
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("SSOTokenLoad");
    expect(e.source).toBe("sso");
    expect(e.message).toContain("Error loading SSO Token: Token for corp does not exist");
    expect(e.message).toContain("aws sso login --sso-session corp");
    expect(e.lookedAt).toEqual({ profile: "dev", files: [join(home.cacheDir, `${sha1("corp")}.json`)], note: "no cached token" });
    const legacy = await failure(provider(LEGACY_PROFILE)());
    expect(legacy.message).toContain(`Token for ${START_URL} does not exist`);
    expect(legacy.message).toContain("aws sso login --profile old");
    expect(sso.requests).toHaveLength(0);
  });

  it("a cache for another start URL is not used", async () => {
    await writeCache(home.cacheDir, "https://other.awsapps.com/start", validToken({ startUrl: "https://other.awsapps.com/start" }));
    expect((await failure(provider(LEGACY_PROFILE)())).code).toBe("SSOTokenLoad");
  });

  it.each([
    ["empty", ""],
    ["truncated", JSON.stringify(validToken()).slice(0, 30)],
    ["garbage", "\u0000\u0001not json"],
  ])("%s cache file: SSOTokenLoad naming the file, never its content", async (_, text) => {
    const file = await writeCache(home.cacheDir, "corp", text);
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("SSOTokenLoad");
    expect(e.message).toContain(`${file} is not valid JSON`);
    expect(e.message).not.toContain(TOKEN.slice(0, 10));
    expect(e.message).toContain("aws sso login --sso-session corp");
  });

  it("a cache without accessToken or expiresAt is invalid, as in botocore", async () => {
    await writeCache(home.cacheDir, "corp", { expiresAt: iso(T0 + 3600_000) });
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("SSOTokenLoad");
    expect(e.message).toContain(`Token for ${START_URL} is invalid`);
    await writeCache(home.cacheDir, "corp", validToken({ expiresAt: "soon" }));
    expect((await failure(provider(SESSION_PROFILE)())).message).toContain("expiresAt");
  });

  it("legacy expired token: UnauthorizedSSOToken before any call, with the command", async () => {
    await writeCache(home.cacheDir, START_URL, validToken({ expiresAt: iso(T0 - 1000) }));
    const e = await failure(provider(LEGACY_PROFILE)());
    expect(e.code).toBe("UnauthorizedSSOToken");
    expect(e.message).toContain("has expired or is otherwise invalid");
    expect(e.message).toContain("aws sso login --profile old");
    expect(e.lookedAt?.note).toBe("token expired 2026-11-22T11:59:59.000Z");
    expect(sso.requests).toHaveLength(0);
  });

  it("sso-session expired token without a registration: TokenRetrieval with the command", async () => {
    await writeCache(home.cacheDir, "corp", validToken({ expiresAt: iso(T0 - 1000) }));
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toContain("Token has expired and refresh failed");
    expect(e.message).toContain("no refreshToken, clientId, clientSecret, registrationExpiresAt");
    expect(e.message).toContain("aws sso login --sso-session corp");
    expect(oidc.requests).toHaveLength(0);
  });

  it("refreshes a token with under 15 minutes left and writes the cache back, 0600, botocore's shape", async () => {
    const file = await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 14 * 60_000), extra: "dropped" }));
    const creds = await provider(SESSION_PROFILE)();
    expect(creds.accessKeyId).toBe("ASIAEMULATOR00000001");
    expect(oidc.requests.map((r) => [r.method, r.path, r.status])).toEqual([["POST", "/token", 200]]);
    const written = JSON.parse(await readFile(file, "utf8"));
    expect(written).toEqual({
      startUrl: START_URL,
      region: "eu-west-1",
      accessToken: "emulator-sso-access-token-00000001",
      expiresAt: "2026-11-22T13:00:00Z",
      clientId: "emulator-client-id",
      clientSecret: "emulator-client-secret",
      registrationExpiresAt: iso(T0 + 90 * 86400_000),
      refreshToken: "emulator-refresh-token-00000001",
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(home.cacheDir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // The next call uses the refreshed token without refreshing again.
    await provider(SESSION_PROFILE)();
    expect(oidc.requests).toHaveLength(1);
  });

  it("refreshes an expired token too; a legacy profile never refreshes", async () => {
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 - 3600_000) }));
    expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
    await writeCache(home.cacheDir, START_URL, refreshable({ expiresAt: iso(T0 + 60_000) }));
    await provider(LEGACY_PROFILE)();
    expect(oidc.requests).toHaveLength(1);
  });

  it("does not refresh with 15 minutes or more left, nor with an expired registration", async () => {
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 15 * 60_000) }));
    await provider(SESSION_PROFILE)();
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000), registrationExpiresAt: iso(T0) }));
    await provider(SESSION_PROFILE)();
    expect(oidc.requests).toHaveLength(0);
  });

  it("does not refresh with a registrationExpiresAt without a zone (never read as local time)", async () => {
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000), registrationExpiresAt: "2099-01-01T00:00:00" }));
    expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
    expect(oidc.requests).toHaveLength(0);
  });

  it("a refresh answering an expiresIn no date holds (1e300): the still-valid token is used; once expired, an error naming the answer", async () => {
    await oidc.close();
    oidc = await startSsoOidc({ now: () => clock.t, portal: sso, accessTokenLifetimeSeconds: 1e300, rotateRefreshTokens: false });
    const file = await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000) }));
    expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
    expect(JSON.parse(await readFile(file, "utf8")).accessToken).toBe(TOKEN);
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 - 60_000) }));
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toMatch(/SSO-OIDC CreateToken at http:\/\/127\.0\.0\.1:\d+\S* answered expiresIn = 1e\+300, which is not a time/);
    expect(e.message).not.toContain("Invalid time value");
    expect(e.message).not.toContain("could not lock");
  });

  it("revoked refresh token: the still-valid token is used; once expired, a clear error with the command", async () => {
    oidc.revokeRefreshToken("emulator-refresh-token");
    const file = await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000) }));
    expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
    expect(JSON.parse(await readFile(file, "utf8")).accessToken).toBe(TOKEN);
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 - 60_000) }));
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toContain("rejected the refresh token (InvalidGrantException: expired or revoked)");
    expect(e.message).toContain("aws sso login --sso-session corp");
    expect(e.lookedAt?.note).toContain("token expired 2026-11-22T11:59:00.000Z");
    expect(JSON.stringify(e)).not.toContain("emulator-refresh-token");
    expect(JSON.stringify(e)).not.toContain("emulator-client-secret");
  });

  it("portal 401: UnauthorizedSSOToken with the command", async () => {
    sso.revokeAccessToken(TOKEN);
    await writeCache(home.cacheDir, "corp", validToken());
    const e = await failure(provider(SESSION_PROFILE)());
    expect([e.code, e.status]).toEqual(["UnauthorizedSSOToken", 401]);
    expect(e.message).toContain("aws sso login --sso-session corp");
    expect(e.message).not.toContain(TOKEN);
    expect(e.lookedAt?.note).toBe("token expires 2026-11-22T20:00:00.000Z");
  });

  it("portal 403: CredentialRetrieval in botocore's ClientError words, naming role and account", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const e = await failure(provider({ ...SESSION_PROFILE, ssoRoleName: "Admin" })());
    expect([e.code, e.status]).toEqual(["CredentialRetrieval", 403]);
    expect(e.message).toBe(
      'An error occurred (ForbiddenException) when calling the GetRoleCredentials operation: No access (role Admin in account 111122223333, profile "dev")',
    );
  });

  it("portal error: its code and message are quoted redacted and short", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCY0S3CRETKEY";
    sso.fault("/federation/credentials", {
      status: 400,
      headers: { "x-amzn-errortype": "InvalidRequestException" },
      body: JSON.stringify({ message: `key ${secret} is bad, accessToken: ${TOKEN}\n${"x ".repeat(1500)}` }),
    });
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.message).toMatch(/^An error occurred \(InvalidRequestException\) when calling the GetRoleCredentials operation: key \[redacted\] is bad, accessToken: \[redacted\] x x .*… \(/);
    expect(e.message.length).toBeLessThan(700);
    expect(e.message).not.toContain(TOKEN);
    expect(e.message).not.toContain(secret.slice(0, 12));
  });

  it("portal 5xx is retried, then reported", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    sso.fault("/federation/credentials", 503, { times: 2 });
    expect((await provider(SESSION_PROFILE)()).accessKeyId).toBe("ASIAEMULATOR00000001");
    expect(sso.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    sso.fault("/federation/credentials", 500);
    const e = await failure(provider({ ...SESSION_PROFILE, maxAttempts: 3 })());
    expect([e.code, e.status]).toEqual(["CredentialRetrieval", 500]);
    expect(sso.requests).toHaveLength(6);
  });

  it.each(["malformed-json", "truncated-json", "empty-body"] as const)("portal %s: CredentialRetrieval without quoting the body", async (fault) => {
    await writeCache(home.cacheDir, "corp", validToken());
    sso.fault("/federation/credentials", fault);
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("CredentialRetrieval");
    expect(e.message).toContain("is not a JSON object");
    expect(e.message).not.toContain("ASIAEMULATOR");
    expect(sso.requests).toHaveLength(1);
  });

  it("portal answer without roleCredentials fields: CredentialRetrieval naming them", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    sso.fault("/federation/credentials", { status: 200, body: JSON.stringify({ roleCredentials: { accessKeyId: "A" } }) });
    expect((await failure(provider(SESSION_PROFILE)())).message).toContain("without secretAccessKey, sessionToken, expiration");
  });

  it("portal answer with a control character in a credential: CredentialRetrieval naming it, never the value", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const roleCredentials = { accessKeyId: "ASIASSO", secretAccessKey: "S3CRET-sso", sessionToken: "tok\r\nX-Injected: 1", expiration: T0 + 3600_000 };
    sso.fault("/federation/credentials", { status: 200, body: JSON.stringify({ roleCredentials }) });
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e).toMatchObject({ code: "CredentialRetrieval", source: "sso", profile: "dev" });
    expect(e.message).toMatch(/^sso: sessionToken in the GetRoleCredentials answer from http:\/\/127\.0\.0\.1:\d+ contains a control character/);
    expect(e.message + JSON.stringify(e)).not.toMatch(/S3CRET|X-Injected/);
  });

  it.each([
    ["expiresAt without a zone", { expiresAt: "2099-01-01T00:00:00" }, "expiresAt"],
    ["expiresAt a bare number", { expiresAt: "1" }, "expiresAt"],
  ])("a cached token with %s is SSOTokenLoad naming it", async (_, extra, key) => {
    const file = await writeCache(home.cacheDir, "corp", validToken(extra));
    const e = await failure(provider(SESSION_PROFILE)());
    expect(e.code).toBe("SSOTokenLoad");
    expect(e.message).toContain(`${key} in ${file} is not an ISO 8601 time with a time zone`);
  });

  it("reads expiresAt as older AWS CLI v2 releases wrote it (…UTC)", async () => {
    await writeCache(home.cacheDir, "corp", validToken({ expiresAt: iso(T0 + 8 * 3600_000).replace(/Z$/, "UTC") }));
    expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
  });

  it("portal unreachable: CredentialRetrieval after the retries", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const url = sso.url;
    await sso.close();
    const e = await failure(provider({ ...SESSION_PROFILE, portalEndpoint: url, maxAttempts: 2 })());
    expect(e.code).toBe("CredentialRetrieval");
    expect(e.message).toContain("connection failed (ECONNREFUSED)");
  });

  it("endpoints: option over AWS_ENDPOINT_URL_SSO over AWS_ENDPOINT_URL", async () => {
    await writeCache(home.cacheDir, "corp", validToken());
    const other = await startSso({ now: () => clock.t, accessTokens: { [TOKEN]: null }, roles: { "111122223333": ["Developer"] } });
    try {
      await fromSso({ ...SESSION_PROFILE, homedir: home.home, now: () => clock.t, env: { AWS_ENDPOINT_URL: other.url } })();
      await fromSso({ ...SESSION_PROFILE, homedir: home.home, now: () => clock.t, env: { AWS_ENDPOINT_URL: "http://127.0.0.1:9", ...sso.env } })();
      await fromSso({ ...SESSION_PROFILE, homedir: home.home, now: () => clock.t, env: sso.env, portalEndpoint: other.url })();
      expect([other.requests.length, sso.requests.length]).toEqual([2, 1]);
    } finally {
      await other.close();
    }
  });

  it("a refresh that cannot reach SSO-OIDC keeps a still-valid token", async () => {
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000) }));
    const url = oidc.url;
    await oidc.close();
    expect((await provider(SESSION_PROFILE, { AWS_ENDPOINT_URL_SSO_OIDC: url })()).source).toBe("sso");
  });

  it("missing required options fail when called, as InvalidConfig", async () => {
    const p = fromSso({ profile: "x", ssoRegion: "r" } as unknown as SsoInit);
    const e = await failure(p());
    expect(e.code).toBe("InvalidConfig");
    expect(e.message).toContain("sso_start_url, sso_account_id, sso_role_name");
  });

  it("an unreadable cache file is SSOTokenLoad, not 'does not exist'", async () => {
    const file = await writeCache(home.cacheDir, "corp", validToken());
    const e = await failure(
      fromSso({ ...SESSION_PROFILE, homedir: home.home, env: sso.env, readFile: async (p) => {
        if (p === file) throw Object.assign(new Error("denied"), { code: "EACCES" });
        return "";
      } })(),
    );
    expect(e.code).toBe("SSOTokenLoad");
    expect(e.message).toContain(`the token cache file ${file} cannot be read (EACCES)`);
  });

  it.each(BAD_PATH_KINDS)("a cache file that is a %s is SSOTokenLoad at once, saying what is there", async (which) => {
    const file = await makeBadPath(which, join(home.cacheDir, `${sha1("corp")}.json`), TOKEN_FILE_MAX_BYTES);
    const started = Date.now();
    const e = await failure(provider(SESSION_PROFILE)());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e.code).toBe("SSOTokenLoad");
    if (which === "danglingSymlink") {
      expect(e.message).toContain(`Token for corp does not exist (no file ${file})`);
    } else {
      expect(e.message).toContain(`Token for corp could not be loaded: the token cache file ${file} ${BAD_PATH_REASONS[which]}`);
      expect(e.lookedAt?.note).toContain(`token cache file ${BAD_PATH_REASONS[which]}`);
    }
    expect(e.message).toContain("aws sso login --sso-session corp");
    expect(sso.requests).toHaveLength(0);
  });

  it("a refreshed token that cannot be written is still used", async () => {
    // The cache path is a non-empty directory, read through an injected readFile: the write fails, even as root.
    const file = ssoTokenCacheFile(home.home, SESSION_PROFILE);
    await mkdir(join(file, "occupied"), { recursive: true });
    const text = JSON.stringify(refreshable({ expiresAt: iso(T0 + 60_000) }));
    const warnings: string[] = [];
    const creds = await fromSso({
      ...SESSION_PROFILE,
      homedir: home.home,
      env: { ...sso.env, ...oidc.env },
      now: () => clock.t,
      readFile: async () => text,
      logger: { debug() {}, warn: (m) => warnings.push(m) },
    })();
    expect(creds.source).toBe("sso");
    expect(oidc.requests).toHaveLength(1);
    expect(warnings).toEqual([`sso: could not write the refreshed token to ${file}: ENOTREG`]);
  });

  it.skipIf(process.getuid?.() === 0)("a cache directory it cannot write: no lock, so no refresh; the still-valid token is used", async () => {
    await writeCache(home.cacheDir, "corp", refreshable({ expiresAt: iso(T0 + 60_000) }));
    await chmod(home.cacheDir, 0o500);
    try {
      expect((await provider(SESSION_PROFILE)()).source).toBe("sso");
    } finally {
      await chmod(home.cacheDir, 0o700);
    }
    // The refresh token was not spent where the rotated one could not be saved.
    expect(oidc.requests).toHaveLength(0);
  });
});

// Concurrent refresh with rotating refresh tokens (the emulator's default): each is good once.
const expired = (extra: object = {}) => refreshable({ accessToken: "expired-token", expiresAt: iso(T0 - 60_000), ...extra });
const createTokenCalls = () => oidc.requests.filter((r) => r.path === "/token").length;
/** A lock held by a live process (this one), as another credchain would hold it. */
const holdLock = (file: string) =>
  writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString(), id: "other" }));

describe("refreshSsoCache: one refresh for many processes (through fromSso)", () => {
  it("20 callers refreshing one expired token at once: one CreateToken, every caller gets credentials", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired());
    const all = await Promise.all(Array.from({ length: 20 }, () => provider(SESSION_PROFILE)()));
    expect(all.every((c) => c.source === "sso")).toBe(true);
    expect(createTokenCalls()).toBe(1);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({
      accessToken: "emulator-sso-access-token-00000001",
      refreshToken: "emulator-refresh-token-00000001",
    });
    expect(await readdir(home.cacheDir)).toEqual([file.split("/").pop()]);
  });

  it("uses the token another process wrote while it waited for the lock, without calling SSO-OIDC", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired());
    await holdLock(file);
    const pending = provider(SESSION_PROFILE)();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(file, JSON.stringify(expired({ accessToken: TOKEN, expiresAt: iso(T0 + 3600_000), refreshToken: "rotated" })));
    await rm(`${file}.lock`);
    // The portal knows only the other process's token: credentials mean that token was used.
    expect((await pending).source).toBe("sso");
    expect(createTokenCalls()).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8")).refreshToken).toBe("rotated");
  });

  it("spends the refresh token on disk, not the one it first read", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired({ refreshToken: "spent-already" }));
    await holdLock(file);
    const pending = provider(SESSION_PROFILE)();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Another process refreshed, but its token is due again: the rotated refresh token is the good one.
    await writeFile(file, JSON.stringify(expired({ refreshToken: "emulator-refresh-token" })));
    await rm(`${file}.lock`);
    expect((await pending).source).toBe("sso");
    expect(oidc.requests.map((r) => r.status)).toEqual([200]);
  });

  it("does not refresh a session signed out (cache removed) while it waited", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired());
    await holdLock(file);
    const pending = failure(provider(SESSION_PROFILE)());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await rm(file);
    await rm(`${file}.lock`);
    const e = await pending;
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toContain(`refresh: ${file} was removed (signed out?)`);
    expect(createTokenCalls()).toBe(0);
    expect(await readdir(home.cacheDir)).toEqual([]);
  });

  it("a lock held past timeoutMs is a failed refresh: a valid token is still used, an expired one fails naming the lock", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired({ accessToken: TOKEN, expiresAt: iso(T0 + 5 * 60_000) }));
    await holdLock(file);
    expect((await provider({ ...SESSION_PROFILE, timeoutMs: 200 })()).source).toBe("sso");
    await writeCache(home.cacheDir, "corp", expired());
    const e = await failure(provider({ ...SESSION_PROFILE, timeoutMs: 200 })());
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toContain(`refresh: could not lock ${file}: Could not lock ${file} within 200 ms: ${file}.lock is held by pid ${process.pid}`);
    expect(createTokenCalls()).toBe(0);
  });
});
