import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Which files each bundle carries is checked where bundles are measured: tooling/size ("SSO alone" leaves out the login sources).
const LOGIN_NAMES = ["fromLogin", "LOGIN_REFRESH_THRESHOLD_MS", "loginCacheDir", "loginCacheFile", "AWS_LOGIN_CACHE_DIRECTORY", "resolveSigninEndpoint", "AWS_ENDPOINT_URL_SIGNIN"];

describe("entry points", () => {
  it("aws login is the ./login entry, and only there", async () => {
    const root = await import("../src/index.js");
    const login = await import("../src/login.js");
    expect(Object.keys(root)).toContain("fromSso");
    expect(Object.keys(root).filter((n) => LOGIN_NAMES.includes(n) || /login/i.test(n))).toEqual([]);
    expect(Object.keys(login).sort()).toEqual([...LOGIN_NAMES].sort());
  });

  it("sso login and logout are the ./sign-in entry, and only there", async () => {
    const root = await import("../src/index.js");
    const signIn = await import("../src/sign-in.js");
    expect(Object.keys(signIn)).toEqual(expect.arrayContaining(["ssoLogin", "ssoLogout", "ssoRegistrationCacheFile"]));
    expect(Object.keys(root).filter((n) => n in signIn)).toEqual([]);
  });

  it("package.json exports all three, each built by the package build", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(Object.keys(pkg.exports)).toEqual([".", "./login", "./sign-in", "./package.json"]);
    expect(pkg.exports["./sign-in"]).toEqual({
      import: { types: "./dist/sign-in.d.ts", default: "./dist/sign-in.js" },
      require: { types: "./dist/sign-in.d.cts", default: "./dist/sign-in.cjs" },
    });
    expect(pkg.exports["./login"]).toEqual({
      import: { types: "./dist/login.d.ts", default: "./dist/login.js" },
      require: { types: "./dist/login.d.cts", default: "./dist/login.cjs" },
    });
  });
});
