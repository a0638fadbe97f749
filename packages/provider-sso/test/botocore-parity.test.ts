import { execFile, spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startSso, startSsoOidc, type SsoEmulator, type SsoOidcEmulator } from "@credchain/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromSso } from "../src/from-sso.js";
import type { SsoProfileConfig } from "@credchain/core/internal";
import { iso, makeSsoHome, writeCache } from "./sso-home.js";

// The reference: botocore 1.43 itself, its sso and sso-oidc clients sent to the emulator through
// AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SSO_OIDC (which botocore honours for both).
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, sys, botocore.session
s = botocore.session.Session(profile=sys.argv[1])
try:
    c = s.get_credentials()
    if c is None:
        out = {"method": None}
    else:
        f = c.get_frozen_credentials()
        out = {"method": c.method, "accessKeyId": f.access_key, "secretAccessKey": f.secret_key, "sessionToken": f.token,
               "accountId": getattr(f, "account_id", None), "expiration": c._expiry_time.isoformat()}
except Exception as e:
    out = {"error": type(e).__name__, "message": str(e)}
print(json.dumps(out))
`;

const CODE_OF: Record<string, string> = {
  SSOTokenLoadError: "SSOTokenLoad",
  UnauthorizedSSOTokenError: "UnauthorizedSSOToken",
  TokenRetrievalError: "TokenRetrieval",
  InvalidConfigError: "InvalidConfig",
  ClientError: "CredentialRetrieval",
  KeyError: "SSOTokenLoad",
};

const START_URL = "https://corp.awsapps.com/start";
type Section = Record<string, string>;
const SESSIONS: Record<string, Section> = { corp: { sso_start_url: START_URL, sso_region: "eu-west-1", sso_registration_scopes: "sso:account:access" } };
const PROFILES: Record<string, Section> = {
  dev: { sso_session: "corp", sso_account_id: "111122223333", sso_role_name: "Developer" },
  old: { sso_start_url: START_URL, sso_region: "eu-west-1", sso_account_id: "111122223333", sso_role_name: "Developer" },
  forbidden: { sso_session: "corp", sso_account_id: "111122223333", sso_role_name: "Admin" },
};
// Each profile as provider-ini's plan validates it (profile settings checked against botocore there).
const sessionConfig = SESSIONS.corp!;
const CONFIGS: Record<string, SsoProfileConfig> = {
  dev: { profile: "dev", ssoSession: "corp", ssoStartUrl: START_URL, ssoRegion: "eu-west-1", ssoAccountId: "111122223333", ssoRoleName: "Developer", sessionConfig },
  old: { profile: "old", ssoStartUrl: START_URL, ssoRegion: "eu-west-1", ssoAccountId: "111122223333", ssoRoleName: "Developer" },
  forbidden: { profile: "forbidden", ssoSession: "corp", ssoStartUrl: START_URL, ssoRegion: "eu-west-1", ssoAccountId: "111122223333", ssoRoleName: "Admin", sessionConfig },
};

function configText(): string {
  const section = (header: string, keys: Section) => `[${header}]\n${Object.entries(keys).map(([k, v]) => `${k} = ${String(v)}`).join("\n")}\n`;
  return [
    ...Object.entries(SESSIONS).map(([n, s]) => section(`sso-session ${n}`, s)),
    ...Object.entries(PROFILES).map(([n, p]) => section(`profile ${n}`, p)),
  ].join("\n");
}

let home: Awaited<ReturnType<typeof makeSsoHome>>;
let sso: SsoEmulator;
let oidc: SsoOidcEmulator;
const TOKEN = "parity-access-token";
beforeEach(async () => {
  home = await makeSsoHome();
  await writeFile(join(home.home, ".aws", "config"), configText());
  sso = await startSso({ accessTokens: { [TOKEN]: null }, roles: { "111122223333": ["Developer"] } });
  oidc = await startSsoOidc({ portal: sso });
});
afterEach(async () => {
  await Promise.all([sso.close(), oidc.close(), home.cleanup()]);
});

const endpoints = () => ({ ...sso.env, ...oidc.env });

function botocore(profile: string): Promise<Record<string, unknown>> {
  const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home.home, AWS_EC2_METADATA_DISABLED: "true", ...endpoints() };
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT, profile], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

async function credchain(profile: string): Promise<Record<string, unknown>> {
  try {
    const c = await fromSso({ ...CONFIGS[profile]!, homedir: home.home, env: endpoints(), sleep: async () => {} })();
    return {
      method: c.source,
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      accountId: c.accountId,
      expiration: c.expiration?.toISOString().replace(".000Z", "+00:00"),
    };
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
}

/** botocore, then credchain, against the same files and emulators. */
async function both(profile: string) {
  const expected = await botocore(profile);
  const actual = await credchain(profile);
  return { expected, actual };
}

const valid = () => ({ accessToken: TOKEN, expiresAt: iso(Date.now() + 8 * 3600_000), region: "eu-west-1", startUrl: START_URL });

describe.skipIf(!hasBotocore)("botocore parity (SSOProvider against the emulator)", () => {
  it.each(["dev", "old"])("profile %s: the same credentials", async (profile) => {
    await writeCache(home.cacheDir, profile === "dev" ? "corp" : START_URL, valid());
    sso.setCredentials({ accessKeyId: "ASIAPARITY", secretAccessKey: "parity-secret", sessionToken: "parity-token", expiration: Date.now() + 3600_000 + 123 });
    const expected = await botocore(profile);
    const actual = await credchain(profile);
    expect(actual).toEqual(expected);
    expect(actual.method).toBe("sso");
  });

  it.each([
    ["dev", "no cache", undefined],
    ["old", "no cache", undefined],
    ["old", "expired", { expiresAt: iso(Date.now() - 60_000) }],
    ["dev", "expired, no registration", { expiresAt: iso(Date.now() - 60_000) }],
    ["dev", "no expiresAt", { expiresAt: undefined }],
    ["forbidden", "403", {}],
  ])("profile %s, %s: the same error class", async (profile, _, token) => {
    if (token) await writeCache(home.cacheDir, profile === "old" ? START_URL : "corp", { ...valid(), ...token });
    const { expected, actual } = await both(profile);
    expect(expected.error).toBeDefined();
    expect(actual.code).toBe(CODE_OF[expected.error as string]);
    // credchain says the same, then adds what to do.
    const botoMessage = (expected.message as string).replace(/ To refresh this SSO session.*$/, "").replace(/\.$/, "");
    expect((actual.message as string).startsWith(botoMessage)).toBe(true);
  });

  it("portal 401: UnauthorizedSSOToken in both", async () => {
    sso.revokeAccessToken(TOKEN);
    await writeCache(home.cacheDir, "corp", valid());
    const { expected, actual } = await both("dev");
    expect([expected.error, actual.code]).toEqual(["UnauthorizedSSOTokenError", "UnauthorizedSSOToken"]);
  });

  it("token refresh writes the same cache file as botocore", async () => {
    const cacheFile = await writeCache(home.cacheDir, "corp", {
      ...valid(),
      expiresAt: iso(Date.now() + 5 * 60_000),
      refreshToken: "emulator-refresh-token",
      clientId: "emulator-client-id",
      clientSecret: "emulator-client-secret",
      registrationExpiresAt: iso(Date.now() + 86400_000),
    });
    const original = await readFile(cacheFile, "utf8");
    const expected = await botocore("dev");
    expect(expected.method).toBe("sso");
    const botoWritten = JSON.parse(await readFile(cacheFile, "utf8")) as Record<string, string>;

    await writeFile(cacheFile, original);
    oidc.addRefreshToken("emulator-refresh-token");
    const actual = await credchain("dev");
    expect(actual.method).toBe("sso");
    const ours = JSON.parse(await readFile(cacheFile, "utf8")) as Record<string, string>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(botoWritten).sort());
    // The two refreshes run moments apart: same fields, expiries within a minute of each other.
    const stable = (t: Record<string, string>) => ({ ...t, accessToken: "*", refreshToken: "*", expiresAt: "*" });
    expect(stable(ours)).toEqual(stable(botoWritten));
    expect(Math.abs(Date.parse(ours.expiresAt!) - Date.parse(botoWritten.expiresAt!))).toBeLessThan(60_000);
    expect(ours.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(oidc.issuedAccessTokens).toHaveLength(2);
  });
});
