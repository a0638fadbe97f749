// The same scenarios through @aws-sdk/credential-providers and @credchain/credential-providers,
// each in its own Node.js process with a temp HOME and only the variables given: env, the shared
// files, credential_process, chains. Where credchain answers differently on purpose (botocore's
// answer, see the README), the test says so and checks each side.
import { chmod } from "node:fs/promises";
import { join } from "node:path";
import { makeTempHome, type TempHome } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBoth, sdkShape, type Scenario } from "./compare/harness.js";

let home: TempHome;
let base: Record<string, string>;

const KEYS = "aws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n";
const PROCESS_OUTPUT = { Version: 1, AccessKeyId: "AKIDPROCESS", SecretAccessKey: "process-secret", SessionToken: "process-token", Expiration: "2099-01-01T00:00:00Z" };

beforeAll(async () => {
  home = await makeTempHome("credchain-cp-compare-");
  await home.write({
    ".aws/credentials": `[default]\n${KEYS}aws_account_id = 111122223333\naws_credential_scope = eu-west-1\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other-secret\n`,
    ".aws/config":
      `[profile proc]\ncredential_process = node ${home.dir}/print-creds.mjs\naws_account_id = 444455556666\n` +
      "[profile nothing]\nregion = eu-west-1\n",
    "print-creds.mjs": `process.stdout.write(${JSON.stringify(JSON.stringify(PROCESS_OUTPUT))});\n`,
  });
  await chmod(join(home.dir, "print-creds.mjs"), 0o755);
  // No call may leave the machine: IMDS off, everything else unset.
  base = { HOME: home.dir, AWS_EC2_METADATA_DISABLED: "true" };
});
afterAll(() => home.remove());

const compare = (scenario: Scenario, env: Record<string, string> = {}) => runBoth(scenario, { ...base, ...env });

describe("exports", () => {
  it("every function of @aws-sdk/credential-providers, name for name", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromEnv" } });
    expect(sdk.exports).toHaveLength(16);
    expect(credchain.exports).toEqual(sdk.exports);
  });

  it("the same through require() from CommonJS, with the same answers", async () => {
    const { sdk, credchain } = await runBoth({ call: { fn: "fromIni", args: [{ profile: "other" }] } }, base, { format: "cjs" });
    expect(credchain.exports).toEqual(sdk.exports);
    expect(sdk.credentials?.accessKeyId).toBe("AKIDOTHER");
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
  });
});

describe("fromEnv", () => {
  it("the same credentials from the same variables, AWS_CREDENTIAL_SCOPE and AWS_ACCOUNT_ID included", async () => {
    const env = {
      AWS_ACCESS_KEY_ID: "AKIDENV",
      AWS_SECRET_ACCESS_KEY: "env-secret",
      AWS_SESSION_TOKEN: "env-token",
      AWS_CREDENTIAL_EXPIRATION: "2099-01-01T00:00:00Z",
      AWS_CREDENTIAL_SCOPE: "us-west-2",
      AWS_ACCOUNT_ID: "123456789012",
    };
    const { sdk, credchain } = await compare({ call: { fn: "fromEnv" } }, env);
    expect(sdk.credentials).toEqual({ accessKeyId: "AKIDENV", secretAccessKey: "env-secret", sessionToken: "env-token", expiration: "2099-01-01T00:00:00.000Z", credentialScope: "us-west-2", accountId: "123456789012" });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    expect(credchain.credentials?.source).toBe("env");
  });

  it("nothing set: both are 'not here' (tryNextLink)", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromEnv" } });
    expect([sdk.ok, sdk.error?.tryNextLink]).toEqual([false, true]);
    expect([credchain.ok, credchain.error?.tryNextLink, credchain.error?.code]).toEqual([false, true, "NoCredentials"]);
  });

  it("a key id without its secret: the SDK moves on, credchain stops with PartialCredentials (botocore)", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromEnv" } }, { AWS_ACCESS_KEY_ID: "AKIDENV" });
    expect(sdk.error?.tryNextLink).toBe(true);
    expect(credchain.error).toMatchObject({ code: "PartialCredentials", tryNextLink: false });
  });
});

describe("fromIni", () => {
  it("static keys of the default profile, with aws_account_id and aws_credential_scope", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromIni" } });
    expect(sdk.credentials).toEqual({ accessKeyId: "AKIDPROFILE", secretAccessKey: "profile-secret", accountId: "111122223333", credentialScope: "eu-west-1" });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    expect(credchain.credentials?.source).toBe("shared-credentials-file");
  });

  it("the profile from the option, else AWS_PROFILE", async () => {
    const cases: [Scenario, Record<string, string>][] = [
      [{ call: { fn: "fromIni", args: [{ profile: "other" }] } }, {}],
      [{ call: { fn: "fromIni" } }, { AWS_PROFILE: "other" }],
    ];
    for (const [scenario, env] of cases) {
      const { sdk, credchain } = await compare(scenario, env);
      expect(sdk.credentials?.accessKeyId).toBe("AKIDOTHER");
      expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    }
  });

  it("filepath and configFilepath name the files", async () => {
    await home.write({ "elsewhere/creds": `[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = s\n` });
    const { sdk, credchain } = await compare({ call: { fn: "fromIni", args: [{ filepath: join(home.dir, "elsewhere/creds"), configFilepath: join(home.dir, "elsewhere/none") }] } });
    expect(sdk.credentials?.accessKeyId).toBe("AKIDELSEWHERE");
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
  });

  it("credential_process of the profile, with the profile's aws_account_id", async () => {
    const { sdk, credchain } = await runBoth({ call: { fn: "fromIni", args: [{ profile: "proc" }] } }, { ...base }, {});
    expect(sdk.credentials).toMatchObject({ accessKeyId: "AKIDPROCESS", accountId: "444455556666", expiration: "2099-01-01T00:00:00.000Z" });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    expect(credchain.credentials?.source).toBe("custom-process");
  });

  it("a profile with nothing usable: 'not here' in both", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromIni", args: [{ profile: "nothing" }] } });
    expect(sdk.error?.tryNextLink).toBe(true);
    expect(credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });

  it("a profile in neither file: the SDK moves on, credchain stops with ProfileNotFound (botocore)", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromIni", args: [{ profile: "missing" }] } });
    expect(sdk.error?.tryNextLink).toBe(true);
    expect(credchain.error).toMatchObject({ code: "ProfileNotFound", tryNextLink: false });
  });
});

describe("fromProcess", () => {
  it("runs the profile's credential_process", async () => {
    const { sdk, credchain } = await compare({ call: { fn: "fromProcess", args: [{ profile: "proc" }] } });
    expect(sdk.credentials).toMatchObject({ accessKeyId: "AKIDPROCESS", sessionToken: "process-token", accountId: "444455556666" });
    expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
  });

  it("a profile without credential_process, or missing: 'not here' in both", async () => {
    for (const profile of ["other", "missing"]) {
      const { sdk, credchain } = await compare({ call: { fn: "fromProcess", args: [{ profile }] } });
      expect(sdk.error?.tryNextLink).toBe(true);
      expect(credchain.error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    }
  });
});

describe("createCredentialChain and propertyProviderChain", () => {
  it("the first provider with credentials answers; 'not here' moves on", async () => {
    for (const fn of ["createCredentialChain", "propertyProviderChain"]) {
      const { sdk, credchain } = await compare({ call: { fn, args: [{ $provider: { fn: "fromEnv" } }, { $provider: { fn: "fromIni", args: [{ profile: "other" }] } }] } });
      expect(sdk.credentials?.accessKeyId).toBe("AKIDOTHER");
      expect(sdkShape(credchain.credentials)).toEqual(sdk.credentials);
    }
  });

  it("expireAfter gives credentials without an expiration one, five minutes at least", async () => {
    const before = Date.now();
    const { sdk, credchain } = await compare({ call: { fn: "createCredentialChain", args: [{ $provider: { fn: "fromIni" } }], expireAfter: 600_000 } });
    for (const side of [sdk, credchain]) {
      const expires = Date.parse(side.credentials!.expiration!);
      expect(expires).toBeGreaterThanOrEqual(before + 600_000);
      expect(expires).toBeLessThan(Date.now() + 600_000);
    }
    const short = await compare({ call: { fn: "createCredentialChain", args: [{ $provider: { fn: "fromIni" } }], expireAfter: 60_000 } });
    expect(short.sdk.ok).toBe(false);
    expect(short.credchain.error).toMatchObject({ code: "InvalidConfig" });
  });

  it("an error that is not 'not here' stops the chain in both", async () => {
    // A role with an MFA device and no mfaCodeProvider fails hard, before any call.
    const broken = await compare({ call: { fn: "propertyProviderChain", args: [{ $provider: { fn: "fromTemporaryCredentials", args: [{ params: { RoleArn: "arn:aws:iam::123456789012:role/x", SerialNumber: "arn:aws:iam::123456789012:mfa/me" } }] } }, { $provider: { fn: "fromIni" } }] } });
    expect(broken.sdk.ok).toBe(false);
    expect(broken.credchain.error).toMatchObject({ code: "InvalidConfig", tryNextLink: false });
  });
});
