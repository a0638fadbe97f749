import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every source file the entry reaches through relative imports, type-only ones included. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(new URL(entry, import.meta.url), "utf8");
  for (const m of text.matchAll(/from "(\.\/[^"]+)\.js"/g)) reachable(`${m[1]}.ts`, seen);
  return seen;
}

const LOGIN_FILES = ["./from-login.ts", "./read-login-token.ts", "./refresh-login-token.ts", "./login-cache.ts", "./dpop.ts", "./signin-endpoint.ts"];
const LOGIN_NAMES = ["fromLogin", "LOGIN_REFRESH_THRESHOLD_MS", "loginCacheDir", "loginCacheFile", "AWS_LOGIN_CACHE_DIRECTORY", "resolveSigninEndpoint", "AWS_ENDPOINT_URL_SIGNIN"];

describe("entry points", () => {
  it("the root entry (SSO) reaches no aws login code", () => {
    const files = [...reachable("./index.ts")];
    expect(files).toContain("./from-sso.ts");
    expect(files.filter((f) => LOGIN_FILES.includes(f))).toEqual([]);
  });

  it("aws login is the ./login entry, and only there", async () => {
    const root = await import("./index.js");
    const login = await import("./login.js");
    expect(Object.keys(root).filter((n) => LOGIN_NAMES.includes(n))).toEqual([]);
    expect(Object.keys(login).sort()).toEqual([...LOGIN_NAMES].sort());
    expect(LOGIN_FILES.every((f) => reachable("./login.ts").has(f))).toBe(true);
  });

  it("package.json exports both, built by the package build", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(Object.keys(pkg.exports)).toEqual([".", "./login", "./package.json"]);
    expect(pkg.exports["./login"]).toEqual({ types: "./dist/login.d.ts", default: "./dist/login.js" });
  });
});
