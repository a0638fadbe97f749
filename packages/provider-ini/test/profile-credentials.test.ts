import { CONFIG_FILE_MAX_BYTES } from "@credchain/core/internal";
import { BAD_PATH_REASONS, makeBadPaths, rejection, type BadPaths } from "@credchain/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromConfigFile } from "../src/from-config-file.js";
import { fromSharedCredentialsFile } from "../src/from-shared-credentials-file.js";
import { loadSharedConfig } from "../src/load-shared-config.js";
import { makeHome, SECRET, type TestHome } from "./home.js";

// Both file providers share profileCredentialsProvider: each bad kind of path, through each.
const PROVIDERS = [
  { name: "fromSharedCredentialsFile", make: fromSharedCredentialsFile, variable: "AWS_SHARED_CREDENTIALS_FILE", kind: "credentials file" },
  { name: "fromConfigFile", make: fromConfigFile, variable: "AWS_CONFIG_FILE", kind: "config file" },
] as const;
const ABSENT = ["fifo", "devZero", "directory", "danglingSymlink"] as const;

let home: TestHome;
let bad: BadPaths;
beforeAll(async () => {
  home = await makeHome();
  bad = await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES);
});
afterAll(() => home.remove());

describe.each(PROVIDERS)("$name: regular files only, capped", ({ make, variable, kind }) => {
  it.each(ABSENT)("treats a %s as absent (the chain moves on) and says what is there", async (which) => {
    const started = Date.now();
    const error = await rejection(make({ env: { HOME: home.dir, [variable]: bad[which] } })());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    expect(error.message).toBe(`the ${kind} ${bad[which]} ${BAD_PATH_REASONS[which]}`);
  });

  it("fails with ConfigParse naming the file and the 16 MiB cap for a larger file (the chain stops)", async () => {
    const error = await rejection(make({ env: { HOME: home.dir, [variable]: bad.overCap } })());
    expect(error).toMatchObject({ code: "ConfigParse", tryNextLink: false, file: bad.overCap });
    expect(error.message).toBe(`Unable to parse config file ${bad.overCap}: the file is over credchain's 16 MiB cap for this file (not read)`);
  });

  it("says a file that cannot be read counts as empty, instead of 'no profile'", async () => {
    const readFile = async () => {
      throw Object.assign(new Error("denied"), { code: "EACCES" });
    };
    const error = await rejection(make({ env: { HOME: home.dir, [variable]: "/x/file" }, readFile, logger: { debug() {}, warn() {} } })());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    expect(error.message).toBe(`the ${kind} /x/file cannot be read (EACCES), so it counts as empty`);
  });
});

describe(loadSharedConfig.name, () => {
  it("keeps each file's reason for being absent, and reads the other file", async () => {
    await home.write({ ".aws/credentials": `[default]\naws_access_key_id = AKID\naws_secret_access_key = ${SECRET}\n` });
    const config = await loadSharedConfig({ env: { HOME: home.dir, AWS_CONFIG_FILE: bad.fifo } });
    expect(config.configFile).toMatchObject({ path: bad.fifo, exists: false, absentReason: "is not a regular file (a FIFO)" });
    expect(config.credentialsFile).toMatchObject({ exists: true });
    expect(config.credentialsFile.absentReason).toBeUndefined();
    expect(config.profiles.default).toMatchObject({ aws_access_key_id: "AKID" });
  });
});
