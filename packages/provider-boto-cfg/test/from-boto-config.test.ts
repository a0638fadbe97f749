import { inspect } from "node:util";
import { CONFIG_FILE_MAX_BYTES } from "@credchain/core/internal";
import { BAD_PATH_REASONS, makeBadPaths } from "@credchain/test-utils";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromBotoConfig } from "../src/from-boto-config.js";
import { makeHome, rejection, SECRET, type TestHome } from "./home.js";

let home: TestHome;
beforeEach(async () => {
  home = await makeHome();
});
afterEach(() => home.remove());

const KEYS = `aws_access_key_id = AKIDBOTO\naws_secret_access_key = ${SECRET}\n`;
// The system file lives in the temp dir too, so no test depends on the machine's /etc.
const run = (env: Record<string, string> = {}) => fromBotoConfig({ env, homedir: home.dir, systemBotoConfigPath: `${home.dir}/etc/boto.cfg` })();

describe(fromBotoConfig.name, () => {
  it("reads [Credentials] from ~/.boto", async () => {
    await home.write({ ".boto": `[Credentials]\n${KEYS}aws_session_token = ignored\n` });
    const creds = await run();
    expect(creds).toMatchObject({ accessKeyId: "AKIDBOTO", secretAccessKey: SECRET, source: "boto-config" });
    expect(creds.sessionToken).toBeUndefined();
    expect(inspect(creds) + JSON.stringify(creds)).not.toContain(SECRET);
  });

  it("refuses a control character in a key, naming it, the section and the file, never the value", async () => {
    await home.write({ ".boto": `[Credentials]\naws_access_key_id = AKIDBOTO\naws_secret_access_key = ${SECRET}\u0007\n` });
    const file = `${home.dir}/.boto`;
    const error = await rejection(run());
    expect(error).toMatchObject({ code: "CredentialRetrieval", source: "boto-config", key: "aws_secret_access_key", file, tryNextLink: false });
    expect(error.message).toBe(
      `boto-config: aws_secret_access_key in [Credentials] of ${file} contains a control character (such as CR or LF)`,
    );
    expect(error.message + JSON.stringify(error)).not.toContain(SECRET);
  });

  it("reads the system file before ~/.boto", async () => {
    await home.write({ "etc/boto.cfg": `[Credentials]\naws_access_key_id = SYSTEM\naws_secret_access_key = s\n`, ".boto": `[Credentials]\n${KEYS}` });
    expect((await run()).accessKeyId).toBe("SYSTEM");
  });

  it.each([
    ["has no [Credentials]", "[Other]\nx = 1\n"],
    ["has [Credentials] without an access key", "[Credentials]\naws_secret_access_key = s\n"],
    ["is empty", ""],
  ])("moves on to ~/.boto when the system file %s", async (_, system) => {
    await home.write({ "etc/boto.cfg": system, ".boto": `[Credentials]\n${KEYS}` });
    expect((await run()).accessKeyId).toBe("AKIDBOTO");
  });

  it("moves on when the system file is a directory", async () => {
    await home.write({ "etc/boto.cfg/x": "", ".boto": `[Credentials]\n${KEYS}` });
    expect((await run()).accessKeyId).toBe("AKIDBOTO");
  });

  it("reads only BOTO_CONFIG when it is set, with $VARS and ~ expanded", async () => {
    await home.write({ "custom.boto": `[Credentials]\n${KEYS}`, "etc/boto.cfg": `[Credentials]\naws_access_key_id = SYSTEM\naws_secret_access_key = s\n` });
    expect((await run({ BOTO_CONFIG: "~/custom.boto" })).accessKeyId).toBe("AKIDBOTO");
    expect((await run({ BOTO_CONFIG: "$CFG/custom.boto", CFG: home.dir })).accessKeyId).toBe("AKIDBOTO");
    expect((await run({ BOTO_CONFIG: "${CFG}/custom.boto", CFG: home.dir })).accessKeyId).toBe("AKIDBOTO");
  });

  it.each([
    ["names a missing file", "~/nope.boto"],
    ["is empty", ""],
  ])("is notFound without reading ~/.boto when BOTO_CONFIG %s", async (_, named) => {
    await home.write({ ".boto": `[Credentials]\n${KEYS}`, "etc/boto.cfg": `[Credentials]\n${KEYS}` });
    const error = await rejection(run({ BOTO_CONFIG: named }));
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, source: "boto-config" });
    expect(error.lookedAt).toEqual({ envVars: ["BOTO_CONFIG"], files: [named.replace("~", home.dir)] });
  });

  it.each(["fifo", "devZero", "directory", "danglingSymlink"] as const)(
    "treats a %s as absent, as botocore (os.path.isfile), and says what each file was",
    async (which) => {
      const path = (await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES))[which];
      const started = Date.now();
      const error = await rejection(run({ BOTO_CONFIG: path }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true, lookedAt: { files: [path] } });
      expect(error.message).toBe(`BOTO_CONFIG is set, so only it is read, and no boto config file has aws_access_key_id in [Credentials]: ${path} ${BAD_PATH_REASONS[which]}`);
    },
  );

  it("moves on to ~/.boto when the system file is a FIFO, without blocking", async () => {
    const { fifo } = await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES);
    await home.write({ ".boto": `[Credentials]\n${KEYS}` });
    const provider = fromBotoConfig({ env: {}, homedir: home.dir, systemBotoConfigPath: fifo });
    expect((await provider()).accessKeyId).toBe("AKIDBOTO");
  });

  it("fails with ConfigParse naming the file and the 16 MiB cap for a larger file (the chain stops)", async () => {
    const { overCap } = await makeBadPaths(home.dir, CONFIG_FILE_MAX_BYTES);
    const error = await rejection(run({ BOTO_CONFIG: overCap }));
    expect(error).toMatchObject({ code: "ConfigParse", tryNextLink: false, source: "boto-config", file: overCap });
    expect(error.message).toBe(`Unable to parse config file ${overCap}: the file is over credchain's 16 MiB cap for this file (not read)`);
  });

  it("says what each default file had instead of a key", async () => {
    await home.write({ ".boto": "[Other]\nx = 1\n", "etc/boto.cfg": "[Credentials]\nx = 1\n" });
    const error = await rejection(run());
    expect(error.message).toBe(
      `BOTO_CONFIG is not set and no boto config file has aws_access_key_id in [Credentials]: ${home.dir}/etc/boto.cfg has no aws_access_key_id in [Credentials]; ${home.dir}/.boto has no [Credentials]`,
    );
  });

  it("is notFound when no file exists, listing both", async () => {
    const error = await rejection(run());
    expect(error).toMatchObject({ code: "NoCredentials", tryNextLink: true });
    expect(error.lookedAt).toEqual({ envVars: ["BOTO_CONFIG"], files: [`${home.dir}/etc/boto.cfg`, `${home.dir}/.boto`] });
  });

  it("does not take [credentials] for [Credentials] (section names are case-sensitive)", async () => {
    await home.write({ ".boto": `[credentials]\n${KEYS}` });
    expect(await rejection(run())).toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });

  it("takes keys in any case and ':' as a delimiter", async () => {
    await home.write({ ".boto": "[Credentials]\nAWS_ACCESS_KEY_ID = A\nAws_Secret_Access_Key : S\n" });
    expect(await run()).toMatchObject({ accessKeyId: "A", secretAccessKey: "S" });
  });

  it("inherits keys from [DEFAULT] into [Credentials]", async () => {
    await home.write({ ".boto": `[DEFAULT]\n${KEYS}[Credentials]\n` });
    expect((await run()).accessKeyId).toBe("AKIDBOTO");
  });

  it("keeps an empty access key, as botocore does", async () => {
    await home.write({ ".boto": "[Credentials]\naws_access_key_id =\naws_secret_access_key = S\n" });
    expect(await run()).toMatchObject({ accessKeyId: "", secretAccessKey: "S" });
  });

  it("fails with PartialCredentials when the secret is missing, even if a later file has both", async () => {
    await home.write({ "etc/boto.cfg": "[Credentials]\naws_access_key_id = AKIDBOTO\n", ".boto": `[Credentials]\n${KEYS}` });
    const error = await rejection(run());
    expect(error).toMatchObject({ code: "PartialCredentials", tryNextLink: false, key: "aws_secret_access_key", file: `${home.dir}/etc/boto.cfg` });
    expect(error.message).toContain("Partial credentials found in boto-config, missing: aws_secret_access_key");
  });

  it("fails with InvalidConfig when a key is a sub-section", async () => {
    await home.write({ ".boto": `[Credentials]\naws_access_key_id = A\naws_secret_access_key =\n  x = ${SECRET}\n` });
    const error = await rejection(run());
    expect(error).toMatchObject({ code: "InvalidConfig", key: "aws_secret_access_key", file: `${home.dir}/.boto` });
    expect(error.message).not.toContain(SECRET);
  });

  it.each([
    ["a duplicate section", `[Credentials]\n${KEYS}[Credentials]\n${KEYS}`],
    ["a duplicate key", `[Credentials]\n${KEYS}aws_access_key_id = again\n`],
    ["a key before any section", KEYS],
    ["a byte order mark", `\ufeff[Credentials]\n${KEYS}`],
  ])("fails with ConfigParse (the chain stops) on %s", async (_, text) => {
    await home.write({ ".boto": text });
    const error = await rejection(run());
    expect(error).toMatchObject({ code: "ConfigParse", tryNextLink: false, source: "boto-config", file: `${home.dir}/.boto` });
    expect(error.message).toContain(`${home.dir}/.boto`);
    expect(error.message).not.toContain(SECRET);
  });

  it("fails on a broken system file before reading ~/.boto", async () => {
    await home.write({ "etc/boto.cfg": "garbage\n", ".boto": `[Credentials]\n${KEYS}` });
    expect(await rejection(run())).toMatchObject({ code: "ConfigParse", file: `${home.dir}/etc/boto.cfg` });
  });

  it("skips a file the reader cannot read (Python's RawConfigParser.read skips it)", async () => {
    await home.write({ ".boto": `[Credentials]\n${KEYS}` });
    const system = `${home.dir}/etc/boto.cfg`;
    const warnings: string[] = [];
    const provider = fromBotoConfig({
      env: {},
      homedir: home.dir,
      systemBotoConfigPath: system,
      logger: { debug() {}, warn: (m) => warnings.push(m) },
      readFile: async (path) => {
        if (path === system) throw Object.assign(new Error("denied"), { code: "EACCES" });
        const { readFile } = await import("node:fs/promises");
        return readFile(path, "utf8");
      },
    });
    expect((await provider()).accessKeyId).toBe("AKIDBOTO");
    expect(warnings.join("\n")).toContain("EACCES");
  });

  it("reads /etc/boto.cfg by default", async () => {
    const seen: string[] = [];
    const provider = fromBotoConfig({ env: {}, homedir: home.dir, readFile: (p) => (seen.push(p), Promise.reject(Object.assign(new Error("no"), { code: "ENOENT" }))) });
    await rejection(provider());
    expect(seen).toEqual(["/etc/boto.cfg", `${home.dir}/.boto`]);
  });
});
