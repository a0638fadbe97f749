import { execFileSync } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { startSso } from "@credchain/emulator";
import { makeTempHome } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { ssoLogout } from "../src/sso-logout.js";

describe(ssoLogout.name, () => {
  it("signs out and removes every cached token and SSO role credentials, and nothing else", async () => {
    const sso = await startSso({ accessTokens: { "token-a": null, "token-b": null } });
    const home = await makeTempHome("credchain-sso-logout-");
    try {
      await home.write({
        ".aws/sso/cache/a.json": JSON.stringify({ startUrl: "https://a", region: "us-east-1", accessToken: "token-a", expiresAt: "2099-01-01T00:00:00Z" }),
        // No region: nothing to sign out at, removed all the same (as the AWS CLI does).
        ".aws/sso/cache/b.json": JSON.stringify({ accessToken: "token-b", expiresAt: "2099-01-01T00:00:00Z" }),
        ".aws/sso/cache/registration.json": JSON.stringify({ clientId: "c", clientSecret: "s", expiresAt: "2099-01-01T00:00:00Z" }),
        ".aws/sso/cache/garbage.json": "{not json",
        ".aws/cli/cache/sso-role.json": JSON.stringify({ ProviderType: "sso", Credentials: {} }),
        ".aws/cli/cache/assumed-role.json": JSON.stringify({ Credentials: {} }),
      });
      // A FIFO holding a name the sweep reads is skipped, never opened for reading (it would block).
      execFileSync("mkfifo", [join(home.dir, ".aws/sso/cache/fifo.json")]);
      const result = await ssoLogout({ env: { ...sso.env }, homedir: home.dir });
      expect(result.tokens.map((f) => f.split("/").pop()).sort()).toEqual(["a.json", "b.json"]);
      expect(result.credentials.map((f) => f.split("/").pop())).toEqual(["sso-role.json"]);
      const left = (dir: string) => readdir(join(home.dir, ".aws", dir, "cache")).then((names) => names.filter((n) => !n.endsWith(".lock")).sort());
      expect(await left("sso")).toEqual(["fifo.json", "garbage.json", "registration.json"]);
      expect(await left("cli")).toEqual(["assumed-role.json"]);
      expect(sso.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /logout 200"]);
      // The token no longer works at the portal.
      const after = await fetch(`${sso.url}/federation/credentials?role_name=credchain-emulator-role&account_id=123456789012`, { headers: { "x-amz-sso_bearer_token": "token-a" } });
      expect(after.status).toBe(401);
    } finally {
      await Promise.all([sso.close(), home.remove()]);
    }
  });

  it("removes the tokens even when the portal cannot be reached, and does nothing without a cache", async () => {
    const home = await makeTempHome("credchain-sso-logout-");
    try {
      expect(await ssoLogout({ env: {}, homedir: home.dir })).toEqual({ tokens: [], credentials: [] });
      await home.write({ ".aws/sso/cache/a.json": JSON.stringify({ region: "us-east-1", accessToken: "t", expiresAt: "2099-01-01T00:00:00Z" }) });
      const result = await ssoLogout({ env: { AWS_ENDPOINT_URL_SSO: "http://127.0.0.1:9" }, homedir: home.dir, timeoutMs: 2000 });
      expect(result.tokens).toHaveLength(1);
    } finally {
      await home.remove();
    }
  });
});
