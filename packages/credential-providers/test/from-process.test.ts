import { join } from "node:path";
import { rejection } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { homeWith } from "./homes.js";
import { fromEnv } from "../src/from-env.js";
import { fromProcess } from "../src/from-process.js";

describe(fromProcess.name, () => {
  it("runs the profile's credential_process even where static keys would win in a chain (as the SDK's fromProcess)", async () => {
    const home = await homeWith({ "p.mjs": 'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIDPROC", SecretAccessKey: "s" }))' });
    await home.write({ ".aws/config": `[default]\naws_access_key_id = AKIDKEYS\naws_secret_access_key = s\ncredential_process = ${process.execPath} ${join(home.dir, "p.mjs")}\naws_account_id = 111122223333\n` });
    expect(await fromProcess({ env: home.env() })()).toMatchObject({ accessKeyId: "AKIDPROC", accountId: "111122223333", source: "custom-process" });
  });

  it("a failing command: CredentialRetrieval with its stderr redacted", async () => {
    const home = await homeWith({ "p.mjs": 'process.stderr.write("nope aws_secret_access_key=hunter2"); process.exit(3)' });
    await home.write({ ".aws/config": `[profile bad]\ncredential_process = ${process.execPath} ${join(home.dir, "p.mjs")}\n` });
    const e = await rejection(fromProcess({ env: home.env(), profile: "bad" })());
    expect(e).toMatchObject({ code: "CredentialRetrieval", profile: "bad" });
    expect(e.message).not.toContain("hunter2");
  });

  it("the calling client's profile when none is given", async () => {
    const home = await homeWith({ "p.mjs": 'process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIDCALLER", SecretAccessKey: "s" }))' });
    await home.write({ ".aws/config": `[profile caller]\ncredential_process = ${process.execPath} ${join(home.dir, "p.mjs")}\n` });
    expect((await fromProcess({ env: home.env() })({ callerClientConfig: { profile: "caller" } })).accessKeyId).toBe("AKIDCALLER");
  });
});

describe(fromEnv.name, () => {
  it("AWS_CREDENTIAL_SCOPE becomes credentialScope; a control character in it is refused naming the variable", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKID", AWS_SECRET_ACCESS_KEY: "s" };
    expect(await fromEnv({ env: { ...env, AWS_CREDENTIAL_SCOPE: "eu-west-1" } })()).toMatchObject({ credentialScope: "eu-west-1", source: "env" });
    expect((await fromEnv({ env })()).credentialScope).toBeUndefined();
    expect(await rejection(fromEnv({ env: { ...env, AWS_CREDENTIAL_SCOPE: "eu\r\nx" } })())).toMatchObject({ code: "CredentialRetrieval", message: expect.stringContaining("AWS_CREDENTIAL_SCOPE") });
  });
});
