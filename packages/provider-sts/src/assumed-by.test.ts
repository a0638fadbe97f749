import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { createCredentials, CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { fromAssumeRole } from "./from-assume-role.js";
import { fromWebIdentity } from "./from-web-identity.js";
import { ROLE } from "./test-helpers.js";

// The `assume` option (the AWS SDK's roleAssumer / roleAssumerWithWebIdentity): the request goes to
// code instead of STS. No endpoint is configured, so reaching STS would fail.
const env = { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9" };
const source = async () => createCredentials({ accessKeyId: "AKIDSOURCE", secretAccessKey: "source-secret", source: "env" });
const answer = { accessKeyId: "ASIAROLE", secretAccessKey: "role-secret", sessionToken: "role-token", expiration: new Date(Date.UTC(2030, 0, 1)) };

describe("assume (a role assumer given in code)", () => {
  it("fromAssumeRole hands it the request and the source credentials, and brands its answer", async () => {
    const calls: unknown[] = [];
    const provider = fromAssumeRole({
      env,
      sourceCredentials: source,
      roleArn: ROLE,
      roleSessionName: "mine",
      externalId: "ext",
      durationSeconds: 900,
      assume: async (params, from) => (calls.push([params, from.accessKeyId]), { ...answer, accountId: "111122223333" }),
    });
    const creds = await provider();
    expect({ ...creds }).toEqual({ ...answer, accountId: "111122223333", source: "assume-role" });
    expect(inspect(creds)).not.toContain("role-secret");
    expect(calls).toEqual([[expect.objectContaining({ roleArn: ROLE, roleSessionName: "mine", externalId: "ext", durationSeconds: 900 }), "AKIDSOURCE"]]);
  });

  it("fromWebIdentity hands it the request with the token read from the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "credchain-assume-"));
    try {
      await writeFile(join(dir, "token"), "jwt-token");
      let seen: unknown;
      const provider = fromWebIdentity({ env, roleArn: ROLE, webIdentityTokenFile: join(dir, "token"), roleSessionName: "pod", assume: async (p) => ((seen = p), answer) });
      expect(await provider()).toMatchObject({ accessKeyId: "ASIAROLE", source: "assume-role-with-web-identity" });
      expect(seen).toMatchObject({ roleArn: ROLE, roleSessionName: "pod", webIdentityToken: "jwt-token" });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("its failure is CredentialRetrieval naming the option; a bad answer is refused", async () => {
    const run = (assume: () => Promise<never> | Promise<unknown>) =>
      fromAssumeRole({ env, sourceCredentials: source, roleArn: ROLE, assume: assume as never })().catch((e: unknown) => e as CredchainError);
    const thrown = await run(async () => {
      throw new Error("denied: AKIAEXAMPLEKEY1234567");
    });
    expect(thrown).toMatchObject({ code: "CredentialRetrieval", key: "assume", message: expect.stringContaining("the assume function failed: denied") });
    expect(await run(async () => ({ accessKeyId: "A" }))).toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("without secretAccessKey") });
    expect(await run(async () => ({ ...answer, expiration: "tomorrow" }))).toMatchObject({ message: expect.stringContaining("not a valid Date") });
    expect(await run(async () => ({ ...answer, sessionToken: "a\r\nb" }))).toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("control character") });
    const own = new CredchainError({ code: "InvalidConfig", message: "mine" });
    expect(await run(async () => Promise.reject(own))).toBe(own);
  });
});
