import { startLogin, startSso, startSsoOidc } from "@credchain/emulator";
import { selfSignedCert } from "@credchain/test-utils";
import { afterAll, describe, expect, it } from "vitest";
import { fromLogin } from "../src/from-login.js";
import { fromSso } from "../src/from-sso.js";
import { loginToken, makeLoginHome, newDpopKey, SESSION, writeLoginCache } from "./login-home.js";
import { iso, makeSsoHome, writeCache } from "./sso-home.js";

// The SSO portal, SSO-OIDC and sign-in over TLS with a certificate only a CA bundle trusts: as
// behind a TLS-intercepting proxy, where botocore's clients trust the session's ca_bundle.
const tls = selfSignedCert();
afterAll(() => tls.remove());
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const START_URL = "https://corp.awsapps.com/start";

describe("the CA bundle of SSO and sign-in calls (botocore's ca_bundle)", () => {
  it("GetRoleCredentials and the token refresh (CreateToken) trust the profile's ca_bundle; without it, a TLS failure", async () => {
    const home = await makeSsoHome();
    const sso = await startSso({ tls, now: () => T0, roles: { "111122223333": ["Developer"] } });
    const oidc = await startSsoOidc({ tls, now: () => T0, portal: sso });
    try {
      // Expired: the provider first refreshes the token with SSO-OIDC, then calls the portal.
      const token = { accessToken: "old", expiresAt: iso(T0 - 60_000), region: "eu-west-1", startUrl: START_URL, refreshToken: "emulator-refresh-token",
        clientId: "emulator-client-id", clientSecret: "emulator-client-secret", registrationExpiresAt: iso(T0 + 86400_000) };
      const config = { profile: "dev", ssoSession: "corp", ssoStartUrl: START_URL, ssoRegion: "eu-west-1", ssoAccountId: "111122223333", ssoRoleName: "Developer",
        sessionConfig: { sso_start_url: START_URL, sso_region: "eu-west-1" } };
      const provider = (profileSettings?: { name: string; values: Record<string, string> }) =>
        fromSso({ ...config, homedir: home.home, env: { ...sso.env, ...oidc.env }, now: () => T0, sleep: async () => {}, profileSettings })();

      await writeCache(home.cacheDir, "corp", token);
      const refused = await provider().then(() => undefined, (e: Error) => e);
      expect(refused).toMatchObject({ code: "TokenRetrieval" });
      expect(refused?.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);

      const creds = await provider({ name: "dev", values: { ca_bundle: tls.certFile } });
      expect(creds).toMatchObject({ source: "sso", accountId: "111122223333" });
      expect(oidc.requests.map((r) => r.status)).toEqual([200]);
      expect(sso.requests.map((r) => r.status)).toEqual([200]);
    } finally {
      await Promise.all([sso.close(), oidc.close(), home.cleanup()]);
    }
  });

  it("the aws login refresh (sign-in CreateOAuth2Token) trusts AWS_CA_BUNDLE", async () => {
    const home = await makeLoginHome();
    const login = await startLogin({ tls, now: () => T0 });
    try {
      await writeLoginCache(home.cacheDir, SESSION, loginToken(iso(T0 - 60_000), newDpopKey()));
      const provider = (env: Record<string, string>) =>
        fromLogin({ profile: "dev", loginSession: SESSION, region: "eu-west-1", homedir: home.home, env: { ...login.env, ...env }, now: () => T0, sleep: async () => {} })();
      const refused = await provider({}).then(() => undefined, (e: Error) => e);
      expect(refused?.message).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
      expect(await provider({ AWS_CA_BUNDLE: tls.certFile })).toMatchObject({ source: "login", accessKeyId: "ASIALOGINEMU00000001" });
    } finally {
      await Promise.all([login.close(), home.cleanup()]);
    }
  });
});
