import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCredentials } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { fromAssumeRole } from "../src/from-assume-role.js";
import { fromWebIdentity } from "../src/from-web-identity.js";
import { ROLE } from "./helpers.js";

// The assumeRole / assumeRoleWithWebIdentity options (the AWS SDK's roleAssumer / roleAssumerWithWebIdentity): the request goes to
// code instead of STS. The endpoint configured refuses connections, so reaching STS would fail.
const env = { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9", AWS_REGION: "us-east-1" };
const source = async () => createCredentials({ accessKeyId: "AKIDSOURCE", secretAccessKey: "source-secret", source: "env" });
const answer = (s: "assume-role" | "assume-role-with-web-identity") => createCredentials({ accessKeyId: "ASIAROLE", secretAccessKey: "role-secret", source: s });

describe("assumeRole and assumeRoleWithWebIdentity", () => {
  it("fromAssumeRole hands the request (MFA code included) and the source credentials to it, after the checks", async () => {
    const calls: unknown[] = [];
    const provider = fromAssumeRole({
      env,
      sourceCredentials: source,
      roleArn: ROLE,
      roleSessionName: "mine",
      externalId: "ext",
      durationSeconds: 900,
      mfaSerial: "arn:aws:iam::123456789012:mfa/me",
      tokenCode: () => "123456",
      assumeRole: async (params, from) => (calls.push([params, from.accessKeyId]), answer("assume-role")),
    });
    expect(await provider()).toMatchObject({ accessKeyId: "ASIAROLE", source: "assume-role" });
    expect(calls).toEqual([[expect.objectContaining({ roleArn: ROLE, roleSessionName: "mine", externalId: "ext", durationSeconds: 900, tokenCode: "123456" }), "AKIDSOURCE"]]);
    // The request is still checked first.
    await expect(fromAssumeRole({ env, sourceCredentials: source, roleArn: "nope", assumeRole: async () => answer("assume-role") })()).rejects.toMatchObject({ code: "InvalidConfig" });
  });

  it("fromWebIdentity hands it the request with the token read from the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "credchain-assume-"));
    try {
      await writeFile(join(dir, "token"), "jwt-token");
      let seen: unknown;
      const provider = fromWebIdentity({ env, roleArn: ROLE, webIdentityTokenFile: join(dir, "token"), roleSessionName: "pod", assumeRoleWithWebIdentity: async (p) => ((seen = p), answer("assume-role-with-web-identity")) });
      expect(await provider()).toMatchObject({ accessKeyId: "ASIAROLE", source: "assume-role-with-web-identity" });
      expect(seen).toMatchObject({ roleArn: ROLE, roleSessionName: "pod", webIdentityToken: "jwt-token" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
