import { join } from "node:path";
import { inspect } from "node:util";
import { CredchainError, shouldTryNext } from "@credchain/core";
import { rejection } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromSharedCredentialsFile } from "../src/from-shared-credentials-file.js";
import { loadSharedConfig } from "../src/load-shared-config.js";
import { makeHome, SECRET, TOKEN, type TestHome } from "./home.js";

let home: TestHome;
beforeEach(async () => {
  home = await makeHome();
});
afterEach(async () => {
  await home.remove();
});
const env = (extra: Record<string, string> = {}) => ({ HOME: home.dir, ...extra });
const KEYS = `aws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`;

async function failure(promise: Promise<unknown>): Promise<CredchainError> {
  const err = await rejection(promise);
  expect(err.message).not.toContain(SECRET);
  expect(err.message).not.toContain(TOKEN);
  expect(JSON.stringify(err)).not.toContain(SECRET);
  return err;
}

describe(fromSharedCredentialsFile.name, () => {
  it("reads the default profile with token and account id", async () => {
    await home.write({ ".aws/credentials": `[default]\n${KEYS}aws_session_token = ${TOKEN}\naws_account_id = 123456789012\n` });
    const creds = await fromSharedCredentialsFile({ env: env() })();
    expect(creds).toMatchObject({
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
      accountId: "123456789012",
      source: "shared-credentials-file",
    });
    expect(inspect(creds)).not.toContain(SECRET);
    expect(JSON.stringify(creds)).not.toContain(TOKEN);
  });

  it("prefers aws_security_token over aws_session_token, as botocore", async () => {
    await home.write({ ".aws/credentials": `[default]\n${KEYS}aws_session_token = b\naws_security_token = a\n` });
    expect((await fromSharedCredentialsFile({ env: env() })()).sessionToken).toBe("a");
  });

  it("selects the profile: option, then AWS_DEFAULT_PROFILE, then AWS_PROFILE", async () => {
    await home.write({ ".aws/credentials": `[a]\naws_access_key_id = A\naws_secret_access_key = S\n[b]\naws_access_key_id = B\naws_secret_access_key = S\n[c]\naws_access_key_id = C\naws_secret_access_key = S\n` });
    expect((await fromSharedCredentialsFile({ env: env({ AWS_PROFILE: "a", AWS_DEFAULT_PROFILE: "b" }), profile: "c" })()).accessKeyId).toBe("C");
    expect((await fromSharedCredentialsFile({ env: env({ AWS_PROFILE: "a", AWS_DEFAULT_PROFILE: "b" }) })()).accessKeyId).toBe("B");
    expect((await fromSharedCredentialsFile({ env: env({ AWS_PROFILE: "a" }) })()).accessKeyId).toBe("A");
  });

  it("reads [profile x] as a profile named 'profile x'", async () => {
    await home.write({ ".aws/credentials": `[profile x]\n${KEYS}` });
    expect((await fromSharedCredentialsFile({ env: env(), profile: "profile x" })()).accessKeyId).toBe("AKIDEXAMPLE");
    const err = await failure(fromSharedCredentialsFile({ env: env(), profile: "x" })());
    expect(shouldTryNext(err)).toBe(true);
  });

  it("moves on when the file, the profile or the access key is missing, saying what it looked at", async () => {
    const file = join(home.dir, ".aws", "credentials");
    let err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(shouldTryNext(err)).toBe(true);
    expect(err.lookedAt).toEqual({ files: [file], profile: "default" });
    expect(err.message).toContain("does not exist");

    await home.write({ ".aws/credentials": `[other]\n${KEYS}` });
    err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(shouldTryNext(err)).toBe(true);
    expect(err.message).toContain('has no profile "default"');

    await home.write({ ".aws/credentials": `[default]\naws_secret_access_key = ${SECRET}\n` });
    err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(shouldTryNext(err)).toBe(true);
    expect(err.message).toContain("has no aws_access_key_id");
  });

  it("throws PartialCredentials for an access key without its secret", async () => {
    await home.write({ ".aws/credentials": `[default]\naws_access_key_id = AKIDEXAMPLE\naws_session_token = ${TOKEN}\n` });
    const err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(err).toMatchObject({ code: "PartialCredentials", key: "aws_secret_access_key", profile: "default", source: "shared-credentials-file" });
    expect(err.file).toBe(join(home.dir, ".aws", "credentials"));
    expect(shouldTryNext(err)).toBe(false);
  });

  it("accepts an empty key pair, as botocore (a present key counts)", async () => {
    await home.write({ ".aws/credentials": "[default]\naws_access_key_id =\naws_secret_access_key =\n" });
    expect(await fromSharedCredentialsFile({ env: env() })()).toMatchObject({ accessKeyId: "", secretAccessKey: "" });
  });

  it("rejects a key written as a sub-section", async () => {
    await home.write({ ".aws/credentials": `[default]\naws_access_key_id = AKID\naws_secret_access_key =\n  x = ${SECRET}\n` });
    const err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(err).toMatchObject({ code: "InvalidConfig", key: "aws_secret_access_key" });
  });

  it("throws ConfigParse for a malformed file, naming file and line but not the secret", async () => {
    await home.write({ ".aws/credentials": `[default]\n${KEYS}${SECRET}\n` });
    const err = await failure(fromSharedCredentialsFile({ env: env() })());
    expect(err.code).toBe("ConfigParse");
    expect(err.message).toContain(`${join(home.dir, ".aws", "credentials")}: line 4`);
  });

  it.each([
    ["an ESC inside aws_session_token", `[dev]\n${KEYS}aws_session_token = ${TOKEN}\u001b[31m\n`, "aws_session_token"],
    ["a NUL inside aws_access_key_id", `[dev]\naws_access_key_id = AKID\u0000X\naws_secret_access_key = ${SECRET}\n`, "aws_access_key_id"],
    // RawConfigParser joins an indented line to the value with a newline (botocore returns it so).
    ["a continuation line after aws_secret_access_key", `[dev]\n${KEYS}  more\n`, "aws_secret_access_key"],
    ["a DEL inside aws_security_token", `[dev]\n${KEYS}aws_security_token = ${TOKEN}\u007f\n`, "aws_security_token"],
    ["a C1 control inside aws_account_id", `[dev]\n${KEYS}aws_account_id = 12\u008534\n`, "aws_account_id"],
  ])("refuses %s: CredentialRetrieval naming the key, profile and file, never the value", async (_, text, key) => {
    await home.write({ ".aws/credentials": text });
    const error = await failure(fromSharedCredentialsFile({ env: env(), profile: "dev" })());
    const file = join(home.dir, ".aws", "credentials");
    expect(error).toMatchObject({ code: "CredentialRetrieval", source: "shared-credentials-file", key, profile: "dev", file, tryNextLink: false });
    expect(error.message).toBe(
      `shared-credentials-file: ${key} in profile "dev" of the credentials file ${file} contains a control character (such as CR or LF)`,
    );
  });

  it("reads a CRLF file: line ends are not part of a value", async () => {
    await home.write({ ".aws/credentials": `[dev]\r\naws_access_key_id = AKIDEXAMPLE\r\naws_secret_access_key = ${SECRET}\r\naws_session_token = ${TOKEN}\r\n` });
    expect(await fromSharedCredentialsFile({ env: env(), profile: "dev" })()).toMatchObject({ secretAccessKey: SECRET, sessionToken: TOKEN });
  });

  it("reads a custom path from AWS_SHARED_CREDENTIALS_FILE and ignores the config file", async () => {
    await home.write({ "x/creds": `[default]\n${KEYS}`, ".aws/config": "not an ini file" });
    const creds = await fromSharedCredentialsFile({ env: env({ AWS_SHARED_CREDENTIALS_FILE: "~/x/creds" }) })();
    expect(creds.accessKeyId).toBe("AKIDEXAMPLE");
  });

  it("uses preloaded shared config without reading files again", async () => {
    await home.write({ ".aws/credentials": `[default]\n${KEYS}` });
    const sharedConfig = await loadSharedConfig({ env: env() });
    const readFile = async () => {
      throw new Error("read again");
    };
    expect((await fromSharedCredentialsFile({ env: env(), sharedConfig, readFile })()).accessKeyId).toBe("AKIDEXAMPLE");
  });
});
