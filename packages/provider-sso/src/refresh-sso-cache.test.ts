import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { startSso, startSsoOidc, type SsoEmulator, type SsoOidcEmulator } from "@credchain/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromSso, type SsoInit } from "./from-sso.js";
import { iso, makeSsoHome, writeCache } from "./test-sso-home.js";

// The flow under test is refreshSsoCache, reached as users reach it: through fromSso.
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const START_URL = "https://corp.awsapps.com/start";
const clock = { t: T0 };

let home: Awaited<ReturnType<typeof makeSsoHome>>;
let sso: SsoEmulator;
let oidc: SsoOidcEmulator;
beforeEach(async () => {
  clock.t = T0;
  home = await makeSsoHome();
  sso = await startSso({ now: () => clock.t, accessTokens: { "other-process-token": null }, roles: { "111122223333": ["Developer"] } });
  // Rotating refresh tokens (the default): each one is good for one CreateToken.
  oidc = await startSsoOidc({ now: () => clock.t, portal: sso });
});
afterEach(async () => {
  await Promise.all([sso.close(), oidc.close(), home.cleanup()]);
});

const PROFILE = {
  profile: "dev",
  ssoSession: "corp",
  ssoStartUrl: START_URL,
  ssoRegion: "eu-west-1",
  ssoAccountId: "111122223333",
  ssoRoleName: "Developer",
  sessionConfig: { sso_start_url: START_URL, sso_region: "eu-west-1" },
};
const provider = (extra: Partial<SsoInit> = {}) =>
  fromSso({ ...PROFILE, homedir: home.home, env: { ...sso.env, ...oidc.env }, now: () => clock.t, sleep: async () => {}, ...extra });
const expired = (extra: object = {}) => ({
  accessToken: "expired-token",
  expiresAt: iso(T0 - 60_000),
  refreshToken: "emulator-refresh-token",
  clientId: "emulator-client-id",
  clientSecret: "emulator-client-secret",
  registrationExpiresAt: iso(T0 + 90 * 86400_000),
  ...extra,
});
const createTokenCalls = () => oidc.requests.filter((r) => r.path === "/token").length;
/** A lock held by a live process (this one), as another credchain would hold it. */
const holdLock = (file: string) =>
  writeFile(`${file}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname(), createdAt: new Date().toISOString(), id: "other" }));

async function failure(p: Promise<unknown>) {
  return (await p.then(
    () => {
      throw new Error("resolved");
    },
    (e: unknown) => e,
  )) as { code: string; message: string };
}

describe("refreshSsoCache (through fromSso)", () => {
  it("20 callers refreshing one expired token at once: one CreateToken, every caller gets credentials", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired());
    const all = await Promise.all(Array.from({ length: 20 }, () => provider()()));
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
    const pending = provider()();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(file, JSON.stringify(expired({ accessToken: "other-process-token", expiresAt: iso(T0 + 3600_000), refreshToken: "rotated" })));
    await rm(`${file}.lock`);
    // The portal knows only the other process's token: credentials mean that token was used.
    expect((await pending).source).toBe("sso");
    expect(createTokenCalls()).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8")).refreshToken).toBe("rotated");
  });

  it("spends the refresh token on disk, not the one it first read", async () => {
    const file = await writeCache(home.cacheDir, "corp", expired({ refreshToken: "spent-already" }));
    await holdLock(file);
    const pending = provider()();
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
    const pending = failure(provider()());
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
    const file = await writeCache(home.cacheDir, "corp", expired({ accessToken: "other-process-token", expiresAt: iso(T0 + 5 * 60_000) }));
    await holdLock(file);
    expect((await provider({ timeoutMs: 200 })()).source).toBe("sso");
    await writeCache(home.cacheDir, "corp", expired());
    const e = await failure(provider({ timeoutMs: 200 })());
    expect(e.code).toBe("TokenRetrieval");
    expect(e.message).toContain(`refresh: could not lock ${file}: Could not lock ${file} within 200 ms: ${file}.lock is held by pid ${process.pid}`);
    expect(createTokenCalls()).toBe(0);
  });
});
