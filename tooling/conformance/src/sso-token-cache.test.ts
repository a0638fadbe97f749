import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compareSsoTokenCache, snapshotSsoTokenCache, ssoTokenCacheDir } from "./sso-token-cache.js";

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function home(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "sso-cache-test-"));
  homes.push(dir);
  if (Object.keys(files).length > 0) mkdirSync(ssoTokenCacheDir(dir), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(ssoTokenCacheDir(dir), name), text);
  return dir;
}

const start = Date.parse("2026-03-01T12:00:00.400Z");
const run = { start, end: start + 2_000 };
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

describe(snapshotSsoTokenCache.name, () => {
  it("is empty without a cache directory", () => {
    expect(snapshotSsoTokenCache(home({}), run)).toEqual({});
  });

  it("records each file's JSON with keys sorted, a timestamp the run wrote relative to it, fixture dates as they are", () => {
    const token = { startUrl: "u", expiresAt: iso(start + 3_600_700), registrationExpiresAt: "2099-01-01T00:00:00Z", accessToken: "a" };
    const snap = snapshotSsoTokenCache(home({ "b.json": JSON.stringify(token), "a.json": "{\"expiresAt\":\"2000-01-01T00:00:00Z\"}" }), run);
    expect(Object.keys(snap)).toEqual(["a.json", "b.json"]);
    expect(snap["a.json"]).toEqual({ expiresAt: "2000-01-01T00:00:00Z" });
    expect(snap["b.json"]).toEqual({ accessToken: "a", expiresAt: "<run+3600s>", registrationExpiresAt: "2099-01-01T00:00:00Z", startUrl: "u" });
    expect(Object.keys(snap["b.json"] as object)).toEqual(["accessToken", "expiresAt", "registrationExpiresAt", "startUrl"]);
  });

  it("keeps a timestamp in another format as written, so a format difference shows", () => {
    const text = JSON.stringify({ expiresAt: new Date(start + 3_600_000).toISOString() });
    expect(snapshotSsoTokenCache(home({ "x.json": text }), run)["x.json"]).toEqual({ expiresAt: new Date(start + 3_600_000).toISOString() });
  });

  it("records a file that is not JSON as its text", () => {
    expect(snapshotSsoTokenCache(home({ "x.json": "not json" }), run)).toEqual({ "x.json": { $text: "not json" } });
  });
});

describe(compareSsoTokenCache.name, () => {
  it("names each file that differs or exists on one side only", () => {
    expect(compareSsoTokenCache({ "a.json": { x: 1 } }, { "a.json": { x: 1 } })).toEqual([]);
    expect(compareSsoTokenCache({ "a.json": { x: 1 } }, { "a.json": { x: 2 }, "b.json": {} })).toEqual([
      'SsoTokenCache a.json: botocore {"x":1}, credchain {"x":2}',
      "SsoTokenCache b.json: botocore (no file), credchain {}",
    ]);
  });
});
