import { describe, expect, it } from "vitest";
import { loginCacheDir, loginCacheFile } from "../src/login-cache.js";

describe(loginCacheFile.name, () => {
  it("names the file by the SHA-256 hex of the login_session (botocore's generate_login_cache_key)", () => {
    expect(loginCacheFile({}, "/home/me", "abc")).toBe("/home/me/.aws/login/cache/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.json");
  });
});

describe(loginCacheDir.name, () => {
  it("uses AWS_LOGIN_CACHE_DIRECTORY, expanded as botocore does, even when empty", () => {
    expect(loginCacheDir({}, "/home/me")).toBe("/home/me/.aws/login/cache");
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: "$BASE/c", BASE: "/srv" }, "/home/me")).toBe("/srv/c");
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: "~/c" }, "/home/me")).toBe("/home/me/c");
    expect(loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: "" }, "/home/me")).toBe("");
  });
});
