import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createCredentials } from "@credchain/core";
import { selfSignedCert } from "@credchain/test-utils";
import { afterAll, describe, expect, it } from "vitest";
import { fromAssumeRole } from "../src/from-assume-role.js";
import { fromWebIdentity } from "../src/from-web-identity.js";
import { contextFor, emulator, failure, ROLE } from "./helpers.js";

// STS over TLS with a certificate only a CA bundle trusts: as behind a TLS-intercepting proxy.
const tls = selfSignedCert();
afterAll(() => tls.remove());

async function setUp() {
  const sts = await emulator({ tls });
  const { init, sleeps } = contextFor(sts);
  const { accessKeyId, secretAccessKey } = sts.users[0]!;
  const source = async () => createCredentials({ accessKeyId, secretAccessKey, source: "shared-credentials-file" });
  const assume = (env: Record<string, string>, more: object = {}) =>
    fromAssumeRole({ ...init, env: { ...init.env, ...env }, sourceCredentials: source, roleArn: ROLE, roleSessionName: "corp-user", ...more })();
  return { sts, sleeps, assume, init };
}

describe("the CA bundle of STS calls (botocore's ca_bundle)", () => {
  it("AssumeRole succeeds only with AWS_CA_BUNDLE naming the certificate", async () => {
    const { sts, assume } = await setUp();
    expect(sts.url).toMatch(/^https:/);
    const refused = await failure(assume({}));
    expect(refused).toMatchObject({ code: "CredentialRetrieval", source: "assume-role" });
    expect(refused.message).toMatch(/Could not call STS AssumeRole at https:\/\/127\.0\.0\.1:\d+: connection failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED|UNABLE_TO_VERIFY)/);
    expect(await assume({ AWS_CA_BUNDLE: tls.certFile })).toMatchObject({ source: "assume-role", accountId: "111122223333" });
    expect(sts.calls.map((c) => c.action)).toEqual(["AssumeRole"]);
  });

  it("takes the profile's ca_bundle below AWS_CA_BUNDLE", async () => {
    const { assume } = await setUp();
    const profileSettings = { name: "corp", values: { ca_bundle: tls.certFile } };
    expect(await assume({}, { profileSettings })).toMatchObject({ source: "assume-role" });
    const wrong = join(dirname(tls.certFile), "missing.pem");
    const e = await failure(assume({ AWS_CA_BUNDLE: wrong }, { profileSettings }));
    expect(e.message).toContain(`the CA bundle ${wrong} named by env AWS_CA_BUNDLE does not exist`);
  });

  it("fails at once, without retries or a request, when the bundle cannot be read; names the file and the setting", async () => {
    const { sts, sleeps, assume } = await setUp();
    const dir = dirname(tls.certFile);
    const e = await failure(assume({ AWS_CA_BUNDLE: dir }));
    expect(e).toMatchObject({ code: "CredentialRetrieval", source: "assume-role" });
    expect(e.message).toMatch(new RegExp(`^Could not call STS AssumeRole at https://127\\.0\\.0\\.1:\\d+: the CA bundle ${dir} named by env AWS_CA_BUNDLE is a directory$`));
    expect(sleeps).toEqual([]);
    expect(sts.calls).toEqual([]);
  });

  it("AssumeRoleWithWebIdentity trusts the bundle too", async () => {
    const { init } = await setUp();
    const tokenFile = join(dirname(tls.certFile), "token");
    writeFileSync(tokenFile, "credchain-emulator-web-identity-token");
    const env = { ...init.env, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE };
    await expect(fromWebIdentity({ ...init, env })()).rejects.toMatchObject({ code: "CredentialRetrieval" });
    expect(await fromWebIdentity({ ...init, env: { ...env, AWS_CA_BUNDLE: tls.certFile } })()).toMatchObject({ source: "assume-role-with-web-identity" });
  });
});
