import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { stsIssuedKeys } from "@credchain/emulator";
import { BAD_PATH_REASONS, makeBadPaths, type BadPaths } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromWebIdentity } from "../src/from-web-identity.js";
import { contextFor, emulator, failure, ROLE, T0 } from "./helpers.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-sts-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe(fromWebIdentity.name, () => {
  it("reads AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME and calls STS unsigned", async () => {
    const sts = await emulator({ webIdentityTokens: ["jwt-a"] });
    const { init } = contextFor(sts);
    const file = join(dir, "token-env");
    await writeFile(file, "jwt-a");
    const env = { ...init.env, AWS_WEB_IDENTITY_TOKEN_FILE: file, AWS_ROLE_ARN: ROLE, AWS_ROLE_SESSION_NAME: "pod" };
    const creds = await fromWebIdentity({ ...init, env })();
    expect({ ...creds }).toEqual({ ...stsIssuedKeys(1), expiration: new Date(T0 + 3_600_000), accountId: "111122223333", source: "assume-role-with-web-identity" });
    expect(sts.calls[0]).toMatchObject({ action: "AssumeRoleWithWebIdentity", params: { RoleSessionName: "pod", WebIdentityToken: "[redacted]" } });
    expect(sts.calls[0]!.accessKeyId).toBeUndefined();
    expect(sts.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("re-reads the token file on every call", async () => {
    const sts = await emulator({ webIdentityTokens: ["jwt-1", "jwt-2"] });
    const { init } = contextFor(sts);
    const file = join(dir, "token-rotating");
    await writeFile(file, "jwt-1");
    const provider = fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file });
    await provider();
    await writeFile(file, "jwt-2");
    await provider();
    await writeFile(file, "jwt-3");
    const error = await failure(provider());
    expect(error.message).toContain("(InvalidIdentityToken)");
    expect(error.message).not.toContain("jwt-3");
    expect(sts.calls.map((c) => c.status)).toEqual([200, 200, 400]);
  });

  it("generates botocore-session-<epoch seconds> without a session name", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const file = join(dir, "token-default");
    await writeFile(file, "credchain-emulator-web-identity-token");
    await fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file })();
    expect(sts.calls[0]!.params.RoleSessionName).toBe(`botocore-session-${T0 / 1000}`);
  });

  it("is notFound without a token file (the chain moves on)", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const error = await failure(fromWebIdentity({ ...init, roleArn: ROLE })());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "assume-role-with-web-identity" });
    expect(error.lookedAt?.envVars).toContain("AWS_WEB_IDENTITY_TOKEN_FILE");
  });

  it("a token file without a role ARN is InvalidConfig", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const error = await failure(fromWebIdentity({ ...init, webIdentityTokenFile: join(dir, "whatever") })());
    expect(error).toMatchObject({ code: "InvalidConfig", key: "role_arn" });
    expect(error.message).toContain("AWS_ROLE_ARN");
  });

  it("a missing token file is a clear error naming the file", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const file = join(dir, "does-not-exist");
    const error = await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file })());
    expect(error).toMatchObject({ code: "CredentialRetrieval", file });
    expect(error.message).toBe(`Could not read the web identity token file ${file} (web_identity_token_file): it does not exist`);
    expect(sts.requests).toHaveLength(0);
  });

  describe("a token file that is not a regular file or is over 1 MiB: CredentialRetrieval at once, naming the setting and the file", () => {
    let bad: BadPaths;
    beforeAll(async () => {
      bad = await makeBadPaths(await mkdtemp(join(dir, "bad-")), TOKEN_FILE_MAX_BYTES);
    });
    const KINDS = ["fifo", "devZero", "directory", "danglingSymlink", "overCap"] as const;

    it.each(KINDS)("%s named by AWS_WEB_IDENTITY_TOKEN_FILE (botocore: OSError, or a hang)", async (which) => {
      const sts = await emulator();
      const { init } = contextFor(sts);
      const env = { ...init.env, AWS_WEB_IDENTITY_TOKEN_FILE: bad[which], AWS_ROLE_ARN: ROLE };
      const started = Date.now();
      const error = await failure(fromWebIdentity({ ...init, env })());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toMatchObject({ code: "CredentialRetrieval", tryNextLink: false, file: bad[which], key: "AWS_WEB_IDENTITY_TOKEN_FILE" });
      expect(error.message).toContain(`Could not read the web identity token file ${bad[which]} (AWS_WEB_IDENTITY_TOKEN_FILE): it ${BAD_PATH_REASONS[which]}`);
      expect(sts.requests).toHaveLength(0);
    });

    it.each(KINDS)("%s named by the profile's web_identity_token_file", async (which) => {
      const sts = await emulator();
      const { init } = contextFor(sts);
      const error = await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: bad[which] })());
      expect(error).toMatchObject({ code: "CredentialRetrieval", file: bad[which], key: "web_identity_token_file" });
      expect(error.message).toContain(`(web_identity_token_file): it ${BAD_PATH_REASONS[which]}`);
      expect(sts.requests).toHaveLength(0);
    });

    it("names the 1 MiB cap", async () => {
      const sts = await emulator();
      const { init } = contextFor(sts);
      const error = await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: bad.overCap })());
      expect(error.message).toMatch(/is over credchain's 1 MiB cap for this file \(not read\)$/);
    });
  });

  it("an empty token file is a clear error naming the file", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const file = join(dir, "empty");
    await writeFile(file, "");
    const error = await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file })());
    expect(error).toMatchObject({ code: "InvalidConfig", message: `The web identity token file ${file} is empty` });
    await writeFile(file, "abc");
    const short = await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file })());
    expect(short.message).toBe(`The web identity token file ${file} holds 3 characters; STS needs at least 4`);
    expect(sts.requests).toHaveLength(0);
  });

  it("a malformed role ARN or duration is InvalidConfig before any request", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const file = join(dir, "token-x");
    await writeFile(file, "jwt");
    expect((await failure(fromWebIdentity({ ...init, roleArn: "not-an-arn", webIdentityTokenFile: file })())).code).toBe("InvalidConfig");
    expect((await failure(fromWebIdentity({ ...init, roleArn: ROLE, webIdentityTokenFile: file, durationSeconds: 50_000 })())).key).toBe("duration_seconds");
    expect(sts.requests).toHaveLength(0);
  });
});
