import { createPrivateKey, createPublicKey } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { startLogin, type LoginEmulator } from "@credchain/emulator";
import { TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromLogin, LOGIN_REFRESH_THRESHOLD_MS, type LoginInit } from "../src/from-login.js";
import { isoSeconds, loginToken, makeLoginHome, newDpopKey, SESSION, sha256, writeLoginCache } from "./login-home.js";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const MIN = 60_000;
const clock = { t: T0 };

let home: Awaited<ReturnType<typeof makeLoginHome>>;
let login: LoginEmulator;
let key: string;
beforeEach(async () => {
  clock.t = T0;
  home = await makeLoginHome();
  login = await startLogin({ now: () => clock.t });
  key = newDpopKey();
});
afterEach(async () => {
  await Promise.all([login.close(), home.cleanup()]);
});

const warnings: string[] = [];
function provider(extra: Partial<LoginInit> = {}, env: Record<string, string> = {}) {
  warnings.length = 0;
  return fromLogin({
    profile: "dev",
    loginSession: SESSION,
    region: "eu-west-1",
    homedir: home.home,
    env: { ...login.env, ...env },
    now: () => clock.t,
    sleep: async () => {},
    logger: { debug() {}, warn: (m) => void warnings.push(m) },
    ...extra,
  });
}

async function failure(p: Promise<unknown>) {
  const e = await p.then(
    () => {
      throw new Error("resolved");
    },
    (error: unknown) => error,
  );
  return e as { code: string; message: string; source: string; tryNextLink: boolean; profile?: string; file?: string; status?: number; lookedAt?: { files?: string[]; note?: string } };
}

const cache = (minutesLeft: number, extra: object = {}) => writeLoginCache(home.cacheDir, SESSION, loginToken(isoSeconds(T0 + minutesLeft * MIN), key, extra));

describe(fromLogin.name, () => {
  it("returns the cached credentials while more than 15 minutes remain, without a request", async () => {
    await cache(60);
    const creds = await provider()();
    expect({ ...creds }).toEqual({
      accessKeyId: "ASIACACHED0000000001",
      secretAccessKey: "cachedSecretAccessKey/abcdef",
      sessionToken: "cachedSessionToken/abcdef",
      accountId: "111122223333",
      expiration: new Date(T0 + 60 * MIN),
      source: "login",
    });
    expect(inspect(creds)).not.toContain("cachedSecretAccessKey");
    expect(login.requests).toEqual([]);
  });

  it("keeps the cached credentials with 5 to 15 minutes left (botocore refreshes only at 5)", async () => {
    await cache(6);
    expect((await provider()()).accessKeyId).toBe("ASIACACHED0000000001");
    clock.t = T0 + 60 * MIN - LOGIN_REFRESH_THRESHOLD_MS - 1000;
    await cache(60);
    expect((await provider()()).accessKeyId).toBe("ASIACACHED0000000001");
    expect(login.requests).toEqual([]);
  });

  it("refreshes with a DPoP proof when 5 minutes or less remain, and rewrites the cache 0600", async () => {
    const file = await cache(5, { futureField: "kept" });
    const creds = await provider()();
    expect({ ...creds }).toEqual({
      accessKeyId: "ASIALOGINEMU00000001",
      secretAccessKey: "emulatorLoginSecretKey/00000001/xxxxxxxxx",
      sessionToken: "emulatorLoginSessionToken/00000001",
      accountId: "111122223333",
      expiration: new Date(T0 + 900_000),
      source: "login",
    });

    // The emulator checked the proof's signature with the header's key; it is the cached key's public half.
    expect(login.proofs).toHaveLength(1);
    const [proof] = login.proofs;
    expect(proof!.header).toMatchObject({ typ: "dpop+jwt", alg: "ES256" });
    expect(proof!.payload).toMatchObject({ htm: "POST", htu: `${login.url}/v1/token`, iat: T0 / 1000 });
    const { x, y } = createPublicKey(createPrivateKey(key)).export({ format: "jwk" });
    expect(proof!.header.jwk).toEqual({ kty: "EC", crv: "P-256", x, y });

    const written = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    expect(written).toEqual({
      ...loginToken("", key, { futureField: "kept" }),
      accessToken: {
        accessKeyId: "ASIALOGINEMU00000001",
        secretAccessKey: "emulatorLoginSecretKey/00000001/xxxxxxxxx",
        sessionToken: "emulatorLoginSessionToken/00000001",
        accountId: "111122223333",
        expiresAt: "2026-11-22T12:15:00Z",
      },
      refreshToken: "emulator-login-refresh-token-00000001",
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(home.cacheDir)).toEqual([`${sha256(SESSION)}.json`]);

    // The next call reads the refreshed session: no second request.
    expect((await provider()()).accessKeyId).toBe("ASIALOGINEMU00000001");
    expect(login.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /v1/token 200"]);
  });

  it("refreshes an expired session, and again with the rotated refresh token", async () => {
    const file = await cache(-30);
    expect((await provider()()).accessKeyId).toBe("ASIALOGINEMU00000001");
    clock.t += 14 * MIN;
    expect((await provider()()).accessKeyId).toBe("ASIALOGINEMU00000002");
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ refreshToken: "emulator-login-refresh-token-00000002" });
  });

  it("10 callers refreshing one session at once: one CreateOAuth2Token, every caller gets its credentials", async () => {
    const file = await cache(-30);
    const all = await Promise.all(Array.from({ length: 10 }, () => provider()()));
    expect(all.map((c) => c.accessKeyId)).toEqual(Array(10).fill("ASIALOGINEMU00000001"));
    expect(login.requests.map((r) => r.status)).toEqual([200]);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({ refreshToken: "emulator-login-refresh-token-00000001" });
    expect(await readdir(home.cacheDir)).toEqual([`${sha256(SESSION)}.json`]);
  });

  it("uses the session another process wrote while it waited for the lock; spends the refresh token on disk otherwise", async () => {
    const file = await cache(-30);
    const holdLock = () => writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: "", id: "other" }));
    const waitThen = async (write: () => Promise<unknown>) => {
      await holdLock();
      const pending = provider()();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await write();
      await rm(`${file}.lock`);
      return pending;
    };
    const other = loginToken(isoSeconds(T0 + 10 * MIN), key);
    other.accessToken.accessKeyId = "ASIAOTHERPROCESS0001";
    expect((await waitThen(() => writeLoginCache(home.cacheDir, SESSION, other))).accessKeyId).toBe("ASIAOTHERPROCESS0001");
    expect(login.requests).toEqual([]);
    // Its session is due again, with a rotated refresh token and another key: those are the ones to use.
    await cache(-30);
    login.revokeRefreshToken("emulator-login-refresh-token");
    login.addRefreshToken("rotated-by-other");
    const otherKey = newDpopKey();
    const due = { ...loginToken(isoSeconds(T0 - MIN), otherKey), refreshToken: "rotated-by-other" };
    expect((await waitThen(() => writeLoginCache(home.cacheDir, SESSION, due))).accessKeyId).toBe("ASIALOGINEMU00000001");
    const { x } = createPublicKey(createPrivateKey(otherKey)).export({ format: "jwk" });
    expect(login.proofs.map((p) => p.header.jwk)).toEqual([expect.objectContaining({ x })]);
  });

  it("fails naming the lock when another process holds it past timeoutMs", async () => {
    const file = await cache(-30);
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: "2026-11-22T12:00:00.000Z", id: "other" }));
    const e = await failure(provider({ timeoutMs: 200 })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", profile: "dev", file });
    expect(e.message).toContain(`Unable to refresh the login session: Could not lock ${file} within 200 ms: ${file}.lock is held by pid ${process.pid}`);
    expect(login.requests).toEqual([]);
  });

  it("honours AWS_LOGIN_CACHE_DIRECTORY (with ~ expanded) and a PKCS#8 key", async () => {
    key = newDpopKey("pkcs8");
    const dir = join(home.home, "elsewhere");
    await mkdir(dir);
    await writeLoginCache(dir, SESSION, loginToken(isoSeconds(T0 + MIN), key));
    expect((await provider({}, { AWS_LOGIN_CACHE_DIRECTORY: "~/elsewhere" })()).accessKeyId).toBe("ASIALOGINEMU00000001");
  });

  it("is not configured here without a login_session", async () => {
    const e = await failure(provider({ loginSession: undefined })());
    expect(e).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "login" });
  });

  it("fails with the aws login command when the cache file is missing", async () => {
    const e = await failure(provider()());
    const file = join(home.cacheDir, `${sha256(SESSION)}.json`);
    expect(e).toMatchObject({ code: "CredentialRetrieval", tryNextLink: false, source: "login", profile: "dev", file, lookedAt: { files: [file], note: "no cached login session" } });
    expect(e.message).toContain(`Unable to load an existing login session for session ${SESSION}`);
    expect(e.message).toMatch(/To sign in again, run: aws login --profile dev$/);
  });

  it.each(BAD_PATH_KINDS)("fails at once, saying what is there, when the cache file is a %s", async (which) => {
    const file = await makeBadPath(which, join(home.cacheDir, `${sha256(SESSION)}.json`), TOKEN_FILE_MAX_BYTES);
    const started = Date.now();
    const e = await failure(provider()());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e).toMatchObject({ code: "CredentialRetrieval", tryNextLink: false, source: "login", file });
    if (which === "danglingSymlink") expect(e.message).toContain(`Unable to load an existing login session for session ${SESSION} (no file ${file})`);
    else expect(e.message).toContain(`Error loading login session token: the login cache file ${file} ${BAD_PATH_REASONS[which]}`);
    expect(e.message).toMatch(/To sign in again, run: aws login --profile dev$/);
    expect(login.requests).toEqual([]);
  });

  it("fails clearly on a corrupt or incomplete cache file, naming fields but no values", async () => {
    await writeLoginCache(home.cacheDir, SESSION, "{ not json");
    let e = await failure(provider()());
    expect([e.code, e.message]).toEqual([
      "CredentialRetrieval",
      expect.stringContaining("is not valid JSON (empty, truncated or corrupt). To sign in again, run: aws login --profile dev"),
    ]);

    await writeLoginCache(home.cacheDir, SESSION, { accessToken: {}, clientId: "c" });
    e = await failure(provider()());
    expect(e.message).toContain("missing required fields: refreshToken, dpopKey");

    const token = loginToken(isoSeconds(T0), key);
    await writeLoginCache(home.cacheDir, SESSION, { ...token, accessToken: { ...token.accessToken, accountId: undefined, expiresAt: "soon" } });
    e = await failure(provider()());
    expect(e.message).toContain("has no usable accessToken.accountId");

    await writeLoginCache(home.cacheDir, SESSION, { ...token, accessToken: { ...token.accessToken, expiresAt: "soon" } });
    e = await failure(provider()());
    expect(e.message).toContain("accessToken.expiresAt in");
    expect(e.message).not.toContain("cachedSecret");
  });

  it.each([
    ["without a zone", "2099-01-01T00:00:00"],
    ["a bare number", "1"],
  ])("refuses an accessToken.expiresAt %s, naming it and the file", async (_, expiresAt) => {
    const token = loginToken(isoSeconds(T0), key);
    const file = await writeLoginCache(home.cacheDir, SESSION, { ...token, accessToken: { ...token.accessToken, expiresAt } });
    const e = await failure(provider()());
    expect(e.code).toBe("CredentialRetrieval");
    expect(e.message).toContain(`accessToken.expiresAt in ${file} is not an ISO 8601 time with a time zone`);
  });

  it("refuses cached credentials with a control character, naming the field and file, never the value", async () => {
    const token = loginToken(isoSeconds(T0 + 60 * MIN), key);
    const file = await writeLoginCache(home.cacheDir, SESSION, { ...token, accessToken: { ...token.accessToken, sessionToken: "cachedSessionToken/abc\r\nX-Injected: 1" } });
    const e = await failure(provider()());
    expect(e).toMatchObject({ code: "CredentialRetrieval", source: "login", key: "sessionToken", file, profile: "dev", tryNextLink: false });
    expect(e.message).toBe(`login: sessionToken in accessToken of the login cache ${file} contains a control character (such as CR or LF)`);
    expect(e.message + JSON.stringify(e)).not.toContain("cachedSessionToken");
  });

  it("reports a refresh the service refuses with botocore's wording and never a secret", async () => {
    await cache(2);
    login.revokeRefreshToken("emulator-login-refresh-token");
    let e = await failure(provider()());
    expect(e).toMatchObject({ code: "CredentialRetrieval", lookedAt: { note: expect.stringContaining("refresh failed") } });
    expect(e.message).toMatch(/^Your session has expired or credentials have changed \(Sign-In refused the refresh: TOKEN_EXPIRED\)\. To sign in again, run: aws login --profile dev$/);

    login.revokeRefreshToken("emulator-login-refresh-token", "INSUFFICIENT_PERMISSIONS");
    e = await failure(provider()());
    expect(e.message).toContain("missing permission for the 'signin:CreateOAuth2Token' action");

    login.revokeRefreshToken("emulator-login-refresh-token", "server_error");
    e = await failure(provider()());
    expect(e.message).toMatch(/^An unspecified error happened when refreshing the login session .*AccessDeniedException/);

    const everything = JSON.stringify([e, e.message, warnings]);
    for (const secret of ["emulator-login-refresh-token", "cachedSecretAccessKey", "PRIVATE KEY", key.split("\n")[1]!]) expect(everything).not.toContain(secret);
    expect(JSON.parse(await readFile(join(home.cacheDir, `${sha256(SESSION)}.json`), "utf8"))).toMatchObject({ refreshToken: "emulator-login-refresh-token" });
  });

  it("retries 5xx as botocore's legacy mode, then fails with the status", async () => {
    await cache(2);
    login.fault("/v1/token", 500, { times: 2 });
    expect((await provider()()).accessKeyId).toBe("ASIALOGINEMU00000001");
    await cache(2, { refreshToken: "emulator-login-refresh-token-00000001" });
    login.fault("/v1/token", 503);
    const e = await failure(provider({ maxAttempts: 2 })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", status: 503 });
    expect(e.message).toMatch(/^Unable to refresh the login session: Sign-In CreateOAuth2Token at http:\/\/127\.0\.0\.1:\d+\/v1\/token failed: 503 \(HTTP 503\)/);
  });

  it("rejects an answer that is not a token, or credentials already expired", async () => {
    await cache(2);
    login.fault("/v1/token", "malformed-json", { times: 1 });
    let e = await failure(provider()());
    expect(e.message).toMatch(/^Unable to refresh the login session due to an invalid service response .* To sign in again/);
    // The lost answer still rotated the refresh token, as a real one would; give it back.
    login.addRefreshToken("emulator-login-refresh-token");
    login.fault("/v1/token", "expired-credentials", { times: 1 });
    e = await failure(provider()());
    expect(e.message).toContain("Credentials were refreshed, but the refreshed credentials are still expired");
  });

  it("needs a region only to refresh (NoRegion), and takes AWS_DEFAULT_REGION", async () => {
    await cache(60);
    expect((await provider({ region: undefined })()).accessKeyId).toBe("ASIACACHED0000000001");
    await cache(2);
    const e = await failure(provider({ region: undefined })());
    expect(e).toMatchObject({ code: "NoRegion", profile: "dev" });
    expect((await provider({ region: undefined }, { AWS_DEFAULT_REGION: "us-east-1" })()).accessKeyId).toBe("ASIALOGINEMU00000001");
  });

  it("checks the DPoP key as botocore: warns with 10 to 15 minutes left, fails under 10", async () => {
    key = "-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----\n";
    await cache(20);
    expect((await provider()()).accessKeyId).toBe("ASIACACHED0000000001");
    await cache(12);
    expect((await provider()()).accessKeyId).toBe("ASIACACHED0000000001");
    expect(warnings).toEqual([expect.stringContaining("Unable to load private key from cached token")]);
    await cache(8);
    const e = await failure(provider()());
    expect(e).toMatchObject({ code: "CredentialRetrieval", key: "dpopKey" });
    expect(e.message).toContain("dpopKey in");
    expect(login.requests).toEqual([]);
  });

  it("fails when the refreshed session cannot be saved", async () => {
    // The cache path is a non-empty directory, read through an injected readFile: the rename fails, even as root.
    const file = join(home.cacheDir, `${sha256(SESSION)}.json`);
    await mkdir(join(file, "occupied"), { recursive: true });
    const text = JSON.stringify(loginToken(isoSeconds(T0 + 2 * MIN), key));
    const e = await failure(provider({ readFile: async () => text })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", lookedAt: { note: "refreshed session could not be saved" } });
    expect(e.message).toMatch(new RegExp(`^The refreshed login session could not be saved to ${file} \\((ENOTREG|EISDIR|ENOTEMPTY|EEXIST)\\)`));
    expect(await readdir(home.cacheDir)).toEqual([`${sha256(SESSION)}.json`]);
  });
});
