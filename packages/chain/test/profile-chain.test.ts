import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createCredentials } from "@credchain/core";
import { startSts, type StsEmulator } from "@credchain/emulator";
import { rejection as failure } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultChain, profileChain } from "../src/index.js";
import { envFor, homeWith } from "./home.js";

let sts: StsEmulator;
beforeAll(async () => {
  sts = await startSts({ webIdentityTokens: ["web-token"], roles: [{ arn: "arn:aws:iam::123456789012:role/dev" }] });
});
afterAll(() => sts.close());

const USER = "[profile user]\naws_access_key_id = AKIAEMULATORUSER0001\naws_secret_access_key = emulatorUserSecretAccessKey/0001/xxxxxxxx\n";
const ROLE = `${USER}[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = user\n`;
const ENV_KEYS = { AWS_ACCESS_KEY_ID: "AKIDFROMENV", AWS_SECRET_ACCESS_KEY: "env-secret" };

describe(profileChain.name, () => {
  it("reads the profile's providers only: env keys and env web identity are not the profile's", async () => {
    const home = await homeWith({ ".aws/credentials": "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = file-secret\n", "token": "web-token" });
    const env = envFor(home, { ...ENV_KEYS, AWS_WEB_IDENTITY_TOKEN_FILE: join(home, "token"), AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/dev" });
    expect(await profileChain({ env })()).toMatchObject({ accessKeyId: "AKIDFILE", source: "shared-credentials-file" });
    // The default chain, for contrast, answers from env.
    expect((await defaultChain({ env })()).source).toBe("env");
  });

  it("selects the profile as botocore: option, AWS_DEFAULT_PROFILE, AWS_PROFILE; a selected profile that is missing is ProfileNotFound", async () => {
    const home = await homeWith({ ".aws/config": "[profile a]\naws_access_key_id = AKIDA\naws_secret_access_key = a\n[profile b]\naws_access_key_id = AKIDB\naws_secret_access_key = b\n" });
    expect((await profileChain({ env: envFor(home, { AWS_PROFILE: "a" }) })()).accessKeyId).toBe("AKIDA");
    expect((await profileChain({ env: envFor(home, { AWS_PROFILE: "a", AWS_DEFAULT_PROFILE: "b" }) })()).accessKeyId).toBe("AKIDB");
    expect((await profileChain({ env: envFor(home, { AWS_PROFILE: "a" }), profile: "b" })()).accessKeyId).toBe("AKIDB");
    expect(await failure(profileChain({ env: envFor(home), profile: "nope" })())).toMatchObject({ code: "ProfileNotFound", profile: "nope" });
  });

  it("a profile with nothing usable is NoCredentials listing the profile's providers only", async () => {
    const home = await homeWith({ ".aws/config": "[default]\nregion = eu-west-1\n" });
    const error = await failure(profileChain({ env: envFor(home, ENV_KEYS) })());
    expect(error).toMatchObject({ code: "NoCredentials" });
    expect(error.attempts?.map((a) => a.source)).toEqual(["assume-role", "assume-role-with-web-identity", "sso", "shared-credentials-file", "login", "custom-process", "config-file"]);
  });

  it("assumes roles with the sts options: region wins over env, defaultRegion only when nothing names one", async () => {
    const home = await homeWith({ ".aws/config": ROLE });
    const base = envFor(home, sts.env);
    const regionOf = async (env: Record<string, string>, options: Parameters<typeof profileChain>[0] = {}) => {
      const before = sts.calls.length;
      await profileChain({ env, profile: "dev", ...options })();
      return sts.calls[before]?.signingRegion;
    };
    expect(await regionOf(base, { sts: { defaultRegion: "us-east-1" } })).toBe("us-east-1");
    expect(await regionOf({ ...base, AWS_REGION: "eu-west-1" }, { sts: { defaultRegion: "us-east-1" } })).toBe("eu-west-1");
    expect(await regionOf({ ...base, AWS_REGION: "eu-west-1" }, { sts: { region: "ap-south-1" } })).toBe("ap-south-1");
    // Without either, a custom endpoint and no region is botocore's NoRegionError.
    expect(await failure(profileChain({ env: base, profile: "dev" })())).toMatchObject({ code: "NoRegion" });
  });

  it("assumeRole and assumeRoleWithWebIdentity replace the STS calls of role and web identity profiles", async () => {
    const home = await homeWith({ ".aws/config": `${ROLE}[profile web]\nrole_arn = arn:aws:iam::123456789012:role/dev\nweb_identity_token_file = {{HOME}}/token\n` });
    await writeFile(join(home, "token"), "web-token");
    const seen: string[] = [];
    const answer = (source: "assume-role" | "assume-role-with-web-identity") =>
      createCredentials({ accessKeyId: "ASIAFROMCODE", secretAccessKey: "code-secret", sessionToken: "t", expiration: new Date(Date.now() + 3_600_000), source });
    const hooks = {
      assumeRole: async (p: { roleArn: string }, source: { accessKeyId: string }) => (seen.push(`${p.roleArn} by ${source.accessKeyId}`), answer("assume-role")),
      assumeRoleWithWebIdentity: async (p: { webIdentityToken: string }) => (seen.push(`web ${p.webIdentityToken}`), answer("assume-role-with-web-identity")),
    };
    const options = { env: envFor(home), sts: hooks };
    const before = sts.calls.length;
    expect(await profileChain({ ...options, profile: "dev" })()).toMatchObject({ accessKeyId: "ASIAFROMCODE", source: "assume-role" });
    expect(await profileChain({ ...options, profile: "web" })()).toMatchObject({ accessKeyId: "ASIAFROMCODE", source: "assume-role-with-web-identity" });
    expect(seen).toEqual(["arn:aws:iam::123456789012:role/dev by AKIAEMULATORUSER0001", "web web-token"]);
    expect(sts.calls.length).toBe(before);
  });
});
