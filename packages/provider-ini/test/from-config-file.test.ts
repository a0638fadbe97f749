import { join } from "node:path";
import { CredchainError, shouldTryNext } from "@credchain/core";
import { rejection } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromConfigFile } from "../src/from-config-file.js";
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
  const error = await rejection(promise);
  expect(error.message).not.toContain(SECRET);
  return error;
}

describe(fromConfigFile.name, () => {
  it("reads [profile x] as x, with token and account id", async () => {
    await home.write({ ".aws/config": `[profile dev]\n${KEYS}aws_security_token = ${TOKEN}\naws_account_id = 1\n` });
    expect(await fromConfigFile({ env: env(), profile: "dev" })()).toMatchObject({
      accessKeyId: "AKIDEXAMPLE",
      sessionToken: TOKEN,
      accountId: "1",
      source: "config-file",
    });
  });

  it("does not read [x] without the profile prefix", async () => {
    await home.write({ ".aws/config": `[dev]\n${KEYS}` });
    const err = await failure(fromConfigFile({ env: env(), profile: "dev" })());
    expect(shouldTryNext(err)).toBe(true);
    expect(err.lookedAt).toEqual({ files: [join(home.dir, ".aws", "config")], profile: "dev" });
  });

  it("reads default from the later of [default] and [profile default]", async () => {
    await home.write({ ".aws/config": `[default]\naws_access_key_id = A1\naws_secret_access_key = S1\n[profile default]\n${KEYS}` });
    expect((await fromConfigFile({ env: env() })()).accessKeyId).toBe("AKIDEXAMPLE");
  });

  it("does not see keys of the credentials file", async () => {
    await home.write({ ".aws/config": "[default]\naws_access_key_id = A\n", ".aws/credentials": `[default]\naws_secret_access_key = ${SECRET}\n` });
    const err = await failure(fromConfigFile({ env: env() })());
    expect(err).toMatchObject({ code: "PartialCredentials", key: "aws_secret_access_key", source: "config-file" });
  });

  it("reads the file AWS_CONFIG_FILE names, $VARS expanded", async () => {
    await home.write({ "cfg/c": `[default]\n${KEYS}` });
    expect((await fromConfigFile({ env: env({ AWS_CONFIG_FILE: "$D/c", D: join(home.dir, "cfg") }) })()).accessKeyId).toBe("AKIDEXAMPLE");
  });

  it("moves on without keys, throws ConfigParse on a broken file", async () => {
    await home.write({ ".aws/config": "[default]\nregion = x\n" });
    expect(shouldTryNext(await failure(fromConfigFile({ env: env() })()))).toBe(true);
    await home.write({ ".aws/config": `[default]\n${KEYS}[default]\n` });
    expect((await failure(fromConfigFile({ env: env() })())).code).toBe("ConfigParse");
  });
});
