import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildProfileMap, loadSharedConfig, readConfigFile, readCredentialsFile } from "../src/load-shared-config.js";
import { makeHome, SECRET, type TestHome } from "./home.js";

let home: TestHome;
beforeEach(async () => {
  home = await makeHome();
});
afterEach(async () => {
  await home.remove();
});
const env = (extra: Record<string, string> = {}) => ({ HOME: home.dir, ...extra });

async function parseError(promise: Promise<unknown>): Promise<CredchainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(CredchainError.isInstance(error)).toBe(true);
  const err = error as CredchainError;
  expect(err.code).toBe("ConfigParse");
  expect(err.message).not.toContain(SECRET);
  expect(JSON.stringify(err)).not.toContain(SECRET);
  return err;
}

describe(loadSharedConfig.name, () => {
  it("files config sections by kind and keeps credentials sections as written", async () => {
    await home.write({
      ".aws/config": [
        "[default]",
        "region = us-east-1",
        "[profile dev]",
        "Region = eu-west-1 # ireland",
        "s3 =",
        "  addressing_style = path",
        "[profile   spaced]",
        "output = json",
        "[plain]",
        "k = v",
        "[sso-session corp]",
        "sso_start_url = https://corp.awsapps.com/start",
        "[services local]",
        "s3 =",
        "  endpoint_url = http://127.0.0.1:9000",
        "",
      ].join("\n"),
      ".aws/credentials": `[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = ${SECRET}\n[profile x]\naws_access_key_id = AKIDX\n`,
    });
    const config = await loadSharedConfig({ env: env() });
    expect(config.configFile).toMatchObject({ path: join(home.dir, ".aws", "config"), exists: true });
    expect(Object.keys(config.configFile.profiles)).toEqual(["default", "dev", "spaced"]);
    expect(config.configFile.profiles.dev).toEqual({ region: "eu-west-1 # ireland", s3: { addressing_style: "path" } });
    expect(config.configFile.ssoSessions).toEqual({ corp: { sso_start_url: "https://corp.awsapps.com/start" } });
    expect(config.configFile.services).toEqual({ local: { s3: { endpoint_url: "http://127.0.0.1:9000" } } });
    expect(config.configFile.sections.plain).toEqual({ k: "v" });
    expect("plain" in config.profiles).toBe(false);
    expect(Object.keys(config.credentialsFile.profiles)).toEqual(["dev", "profile x"]);
    // The merged map: credentials keys over the config profile's, new names added.
    expect(config.profiles.dev).toEqual({
      region: "eu-west-1 # ireland",
      s3: { addressing_style: "path" },
      aws_access_key_id: "AKIDDEV",
      aws_secret_access_key: SECRET,
    });
    expect(config.profiles["profile x"]).toEqual({ aws_access_key_id: "AKIDX" });
    expect(config.configFile.profiles.dev).not.toHaveProperty("aws_access_key_id");
    expect("constructor" in config.profiles).toBe(false);
  });

  it("reads missing files as empty", async () => {
    const config = await loadSharedConfig({ env: env() });
    expect(config.configFile).toMatchObject({ exists: false, profiles: {}, ssoSessions: {}, services: {} });
    expect(config.credentialsFile).toMatchObject({ exists: false, profiles: {} });
    expect(config.profiles).toEqual({});
  });

  it("takes paths from AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE with ~ and $VAR", async () => {
    await home.write({ "a/cfg": "[profile p]\nregion = r\n", "b/creds": "[p]\nk = v\n" });
    const config = await loadSharedConfig({
      env: env({ AWS_CONFIG_FILE: "~/a/cfg", AWS_SHARED_CREDENTIALS_FILE: "$B/creds", B: join(home.dir, "b") }),
    });
    expect(config.configFile.path).toBe(join(home.dir, "a", "cfg"));
    expect(config.credentialsFile.path).toBe(join(home.dir, "b", "creds"));
    expect(config.profiles.p).toEqual({ region: "r", k: "v" });
  });

  it("lets options win over the env vars; an empty env var names no file", async () => {
    await home.write({ ".aws/config": "[default]\nregion = home\n", "c": "[default]\nregion = option\n" });
    expect((await loadSharedConfig({ env: env({ AWS_CONFIG_FILE: "" }) })).configFile).toMatchObject({ path: "", exists: false });
    const config = await loadSharedConfig({ env: env({ AWS_CONFIG_FILE: "/nope" }), configFile: "~/c" });
    expect(config.profiles.default).toEqual({ region: "option" });
  });

  it("reads an unreadable file as empty, as botocore does", async () => {
    const readFile = async (p: string) => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: "EACCES" });
    };
    const warnings: string[] = [];
    const config = await loadSharedConfig({ env: env(), readFile, logger: { debug() {}, warn: (m) => warnings.push(m) } });
    expect(config.credentialsFile).toMatchObject({ exists: true, profiles: {} });
    expect(warnings).toHaveLength(2);
  });

  it("reads a directory as a missing file", async () => {
    await home.write({ ".aws/credentials/inside": "x" });
    expect((await loadSharedConfig({ env: env() })).credentialsFile.exists).toBe(false);
  });

  it("handles CRLF, comments, key case and whitespace", async () => {
    await home.write({
      ".aws/credentials": `# c\r\n[default]\r\n; c\r\n  AWS_Access_Key_ID   =  AKID  \r\n\tAws_Secret_Access_Key:${SECRET}\r\n`,
    });
    expect((await loadSharedConfig({ env: env() })).profiles.default).toEqual({
      aws_access_key_id: "AKID",
      aws_secret_access_key: SECRET,
    });
  });

  it.each([
    ["a line without =", `[default]\naws_secret_access_key = ${SECRET}\n${SECRET}\n`, /credentials: line 3: expected "key = value"/],
    ["a duplicate section", `[default]\nk = v\n[default]\naws_secret_access_key = ${SECRET}\n`, /line 3: section \[default\] appears twice/],
    ["a duplicate key", `[default]\naws_secret_access_key = ${SECRET}\nAWS_SECRET_ACCESS_KEY = ${SECRET}\n`, /line 3: key "aws_secret_access_key" appears twice/],
    ["a key before any section", `aws_secret_access_key = ${SECRET}\n`, /line 1: a key or other text comes before/],
    ["a byte order mark", `\ufeff[default]\naws_secret_access_key = ${SECRET}\n`, /line 1: the file starts with a UTF-8 byte order mark/],
  ])("throws ConfigParse naming the file and line for %s", async (_what, text, message) => {
    await home.write({ ".aws/credentials": text });
    const err = await parseError(loadSharedConfig({ env: env() }));
    expect(err.file).toBe(join(home.dir, ".aws", "credentials"));
    expect(err.message).toMatch(message);
  });
});

describe(readConfigFile.name, () => {
  it("reads only the config file", async () => {
    await home.write({ ".aws/config": "[profile a]\nk = v\n", ".aws/credentials": "broken" });
    expect((await readConfigFile({ env: env() })).profiles).toEqual({ a: { k: "v" } });
    await parseError(readCredentialsFile({ env: env() }));
  });
});

describe(buildProfileMap.name, () => {
  it("files sections as botocore's build_profile_map", () => {
    const s = { k: "v" };
    const map = buildProfileMap({
      default: s,
      "profile a": s,
      "profile  b ": s,
      'profile "c d"': s,
      "profiles e": s,
      profile: s,
      "profile f g": s,
      "profile 'h": s,
      Default: s,
      "sso-session i": s,
      "services j": s,
      x: s,
    });
    expect(Object.keys(map.profiles)).toEqual(["default", "a", "b", "c d", "e"]);
    expect(Object.keys(map.ssoSessions)).toEqual(["i"]);
    expect(Object.keys(map.services)).toEqual(["j"]);
  });

  it("lets the later of [default] and [profile default] win whole", () => {
    expect(buildProfileMap({ default: { a: "1" }, "profile default": { b: "2" } }).profiles.default).toEqual({ b: "2" });
    expect(buildProfileMap({ "profile default": { b: "2" }, default: { a: "1" } }).profiles.default).toEqual({ a: "1" });
  });
});
