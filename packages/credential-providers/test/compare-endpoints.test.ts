// Providers that call credential endpoints, through both packages against the emulators: the
// container endpoint (fromContainerMetadata, fromHttp), IMDS, the SSO portal, AWS Sign-In
// (`aws login`) and Cognito Identity. The endpoints serve fixed credentials until rotated, so
// both packages must return the same ones.
import { createHash, generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import {
  COGNITO_DEFAULT_IDENTITY_POOL_ID,
  COGNITO_DEFAULT_LOGIN_PROVIDER,
  COGNITO_DEFAULT_LOGIN_TOKEN,
  startCognitoIdentity,
  startContainer,
  startImds,
  startLogin,
  startSso,
  type CognitoIdentityEmulator,
  type ContainerEmulator,
  type ImdsEmulator,
  type LoginEmulator,
  type SsoEmulator,
} from "@credchain/emulator";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBoth, sdkShape, type Scenario } from "./compare/harness.js";

let home: TempHome;
let container: ContainerEmulator;
let imds: ImdsEmulator;
let sso: SsoEmulator;
let login: LoginEmulator;
let cognito: CognitoIdentityEmulator;
let base: Record<string, string>;

const LOGIN_SESSION = "arn:aws:iam::111122223333:user/alice";
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const sha = (algorithm: string, text: string) => createHash(algorithm).update(text).digest("hex");

beforeAll(async () => {
  [container, imds, sso, login, cognito] = await Promise.all([
    startContainer({ authorizationToken: "container-token" }),
    startImds(),
    startSso(),
    startLogin(),
    startCognitoIdentity(),
  ]);
  home = await makeTempHome("credchain-cp-endpoints-");
  const dpopKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "sec1" }) as string;
  await home.write({
    ".aws/config":
      "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = credchain-emulator-role\n" +
      "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n" +
      `[profile console]\nlogin_session = ${LOGIN_SESSION}\nregion = us-east-1\n` +
      "[profile imds-v1-off]\nec2_metadata_v1_disabled = true\n",
    [`.aws/sso/cache/${sha("sha1", "corp")}.json`]: JSON.stringify({ startUrl: "https://corp.awsapps.com/start", region: "us-east-1", accessToken: "emulator-sso-access-token", expiresAt: iso(Date.now() + 3_600_000) }),
    [`.aws/login/cache/${sha("sha256", LOGIN_SESSION)}.json`]: JSON.stringify({
      accessToken: { accessKeyId: "ASIACACHED0000000001", secretAccessKey: "cachedSecretAccessKey/abcdef", sessionToken: "cachedSessionToken/abcdef", accountId: "111122223333", expiresAt: iso(Date.now() + 3_600_000) },
      tokenType: "aws_sigv4",
      clientId: "arn:aws:signin:::devtools/same-device",
      refreshToken: "emulator-login-refresh-token",
      idToken: "cached-id-token",
      dpopKey,
    }),
  });
  base = { HOME: home.dir, AWS_EC2_METADATA_DISABLED: "true", ...sso.env, ...login.env, ...cognito.env };
});
afterAll(async () => {
  await Promise.all([container, imds, sso, login, cognito].map((e) => e.close()));
  await home.remove();
});

const compare = (scenario: Scenario, env: Record<string, string> = {}) => runBoth(scenario, { ...base, ...env });

describe("container endpoint", () => {
  it("fromContainerMetadata: the same credentials from AWS_CONTAINER_CREDENTIALS_FULL_URI with its token", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromContainerMetadata" } }, container.env);
    const served = container.credentials();
    expect(sdk.credentials).toMatchObject({ accessKeyId: served.accessKeyId, secretAccessKey: served.secretAccessKey, sessionToken: served.sessionToken, expiration: served.expiration.toISOString() });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    expect(credchain.credentials?.source).toBe("container-role");
  });

  it("fromHttp: the URI and token as options", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromHttp", args: [{ awsContainerCredentialsFullUri: container.fullUri, awsContainerAuthorizationToken: "container-token" }] } });
    expect(sdk.ok, JSON.stringify(sdk.error)).toBe(true);
    // The SDK's fromHttp drops the answer's AccountId; credchain keeps it, as botocore and the SDK's own fromContainerMetadata do.
    expect(sdk.credentials?.accountId).toBeUndefined();
    expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, accountId: "123456789012" });
  });

  it("fromHttp: no URI is 'not here' in both; a wrong token fails in both", async () => {
    const none = await compare({ call: { fn: "fromHttp" } });
    expect(none.sdk.error?.tryNextLink).toBe(true);
    expect(none.credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    const wrong = await compare({ call: { fn: "fromHttp", args: [{ awsContainerCredentialsFullUri: container.fullUri, awsContainerAuthorizationToken: "wrong", maxRetries: 0 }] } });
    expect(wrong.sdk.ok).toBe(false);
    expect(wrong.credchain.error).toMatchObject({ code: "CredentialRetrieval" });
  });
});

describe("IMDS", () => {
  it("fromInstanceMetadata: the same credentials from the emulator (IMDSv2)", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromInstanceMetadata" } }, { ...imds.env, AWS_EC2_METADATA_DISABLED: "" });
    const served = imds.credentials();
    expect(sdk.credentials).toMatchObject({ accessKeyId: served.accessKeyId, secretAccessKey: served.secretAccessKey, sessionToken: served.sessionToken });
    // credchain reads the extended path with AccountId (botocore); the SDK's IMDS provider leaves it out.
    expect(sdk.credentials?.accountId).toBeUndefined();
    expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, accountId: "123456789012" });
    expect(credchain.credentials?.source).toBe("iam-role");
  });
});

describe("SSO", () => {
  it("fromSSO: the profile's role with the cached sso-session token", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromSSO", args: [{ profile: "sso" }] } });
    const served = sso.credentials();
    expect(sdk.credentials).toMatchObject({ accessKeyId: served.accessKeyId, secretAccessKey: served.secretAccessKey, sessionToken: served.sessionToken });
    // The portal's answer has no account id: credchain takes the profile's sso_account_id (botocore), the SDK leaves it out.
    expect(sdk.credentials?.accountId).toBeUndefined();
    expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, accountId: "123456789012" });
    expect(credchain.credentials?.source).toBe("sso");
  });

  it("fromSSO: the role given in code", async () => {
    const params = { ssoStartUrl: "https://corp.awsapps.com/start", ssoSession: "corp", ssoAccountId: "123456789012", ssoRegion: "us-east-1", ssoRoleName: "credchain-emulator-role", profile: "sso" };
    const { sdk, credchain } = await compare({ call: { fn: "fromSSO", args: [params] } });
    expect(sdk.ok, JSON.stringify(sdk.error)).toBe(true);
    expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, accountId: "123456789012" });
  });

  it("fromIni and fromNodeProviderChain reach the same SSO profile", async () => {
    for (const fn of ["fromIni", "fromNodeProviderChain"]) {
      const { sdk, credchain } = await compare({ call: { fn, args: [{ profile: "sso" }] } });
      expect(sdk.ok, JSON.stringify(sdk.error)).toBe(true);
      expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, accountId: "123456789012" });
    }
  });

  it("a profile that is not an SSO profile: 'not here' in both", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromSSO", args: [{ profile: "console" }] } });
    expect(sdk.error?.tryNextLink).toBe(true);
    expect(credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });
});

describe("aws login", () => {
  it("fromLoginCredentials: the cached session's credentials while they last", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromLoginCredentials", args: [{ profile: "console" }] } });
    expect(sdk.credentials).toMatchObject({ accessKeyId: "ASIACACHED0000000001", accountId: "111122223333" });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    expect(credchain.credentials?.source).toBe("login");
  });

  it("a profile without login_session: 'not here' in both", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromLoginCredentials", args: [{ profile: "sso" }] } });
    expect(sdk.error?.tryNextLink).toBe(true);
    expect(credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });
});

describe("Cognito Identity", () => {
  it("fromCognitoIdentityPool (unauthenticated): GetId then GetCredentialsForIdentity, the same credentials", async () => {
    const start = cognito.calls.length;
    const { sdk, credchain } = await compare({ call: { fn: "fromCognitoIdentityPool", args: [{ identityPoolId: COGNITO_DEFAULT_IDENTITY_POOL_ID, clientConfig: { region: "us-east-1" } }] }, calls: 2 });
    const served = cognito.credentials();
    expect(sdk.credentials).toMatchObject({ accessKeyId: served.accessKeyId, secretAccessKey: served.secretAccessKey, sessionToken: served.sessionToken, expiration: served.expiration.toISOString() });
    expect(sdk.credentials?.identityId).toMatch(/^us-east-1:/);
    expect(sdkShape(credchain.credentials)).toEqual({ ...sdk.credentials, identityId: credchain.credentials?.identityId });
    expect(credchain.credentials?.source).toBe("cognito-identity");
    // One GetId per provider, a GetCredentialsForIdentity per call, in each package.
    const actions = cognito.calls.slice(start).map((c) => c.action);
    expect(actions).toEqual(["GetId", "GetCredentialsForIdentity", "GetCredentialsForIdentity", "GetId", "GetCredentialsForIdentity", "GetCredentialsForIdentity"]);
  });

  it("with logins (a token from a function): the same identity for the same login", async () => {
    const logins = { [COGNITO_DEFAULT_LOGIN_PROVIDER]: { $async: COGNITO_DEFAULT_LOGIN_TOKEN } };
    const { sdk, credchain } = await compare({ call: { fn: "fromCognitoIdentityPool", args: [{ identityPoolId: COGNITO_DEFAULT_IDENTITY_POOL_ID, logins, clientConfig: { region: "us-east-1" } }] } });
    expect(sdk.ok, JSON.stringify(sdk.error)).toBe(true);
    expect(credchain.credentials?.identityId).toBe(sdk.credentials?.identityId);
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
  });

  it("fromCognitoIdentity for a known identity, the region from the calling client or AWS_REGION", async () => {
    const first = await compare({ call: { fn: "fromCognitoIdentityPool", args: [{ identityPoolId: COGNITO_DEFAULT_IDENTITY_POOL_ID, clientConfig: { region: "us-east-1" } }] } });
    const identityId = first.sdk.credentials!.identityId;
    const { sdk, credchain } = await compare({ call: { fn: "fromCognitoIdentity", args: [{ identityId }] } }, { AWS_REGION: "us-east-1" });
    expect(sdk.credentials?.identityId).toBe(identityId);
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
  });

  it("no region anywhere: both fail", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromCognitoIdentity", args: [{ identityId: "us-east-1:00000000-0000-4000-8000-000000000001" }] } });
    expect(sdk.ok).toBe(false);
    expect(credchain.error).toMatchObject({ code: "NoRegion" });
  });

  it("an unknown pool: both fail with the service's error", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromCognitoIdentityPool", args: [{ identityPoolId: "us-east-1:11111111-1111-4111-8111-111111111111", clientConfig: { region: "us-east-1" } }] } });
    expect(sdk.error?.name).toBe("ResourceNotFoundException");
    expect(credchain.error).toMatchObject({ code: "CredentialRetrieval" });
    expect(credchain.error?.message).toContain("ResourceNotFoundException");
  });
});
