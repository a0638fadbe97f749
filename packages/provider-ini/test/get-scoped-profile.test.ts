import { CredchainError } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertProfileExists, getScopedProfile } from "../src/get-scoped-profile.js";
import { loadSharedConfig, type SharedConfig } from "../src/load-shared-config.js";
import { makeHome, type TestHome } from "./home.js";

let home: TestHome;
let config: SharedConfig;
let empty: SharedConfig;
beforeAll(async () => {
  home = await makeHome();
  await home.write({ ".aws/config": "[profile dev]\nregion = r\n[plain]\nk = v\n", ".aws/credentials": "[creds]\nk = v\n" });
  config = await loadSharedConfig({ env: { HOME: home.dir } });
  empty = await loadSharedConfig({ env: { HOME: "/nonexistent-home" } });
});
afterAll(async () => {
  await home.remove();
});

const select = (env: Record<string, string>, profile?: string) => selectProfile({ env, profile });

describe(getScopedProfile.name, () => {
  it("returns the profile from either file", () => {
    expect(getScopedProfile(config, select({}, "dev"))).toEqual({ region: "r" });
    expect(getScopedProfile(config, select({ AWS_PROFILE: "creds" }))).toEqual({ k: "v" });
  });

  it("lets only the implicit default be missing", () => {
    expect(getScopedProfile(empty, select({}))).toEqual({});
    for (const selected of [select({}, "default"), select({ AWS_PROFILE: "default" }), select({ AWS_PROFILE: "" }), select({ AWS_DEFAULT_PROFILE: "" })]) {
      expect(() => getScopedProfile(empty, selected), JSON.stringify(selected)).toThrow(expect.objectContaining({ code: "ProfileNotFound" }));
    }
  });

  it("does not count [x] without prefix in the config file", () => {
    let error: unknown;
    try {
      assertProfileExists(config, select({ AWS_PROFILE: "plain" }));
    } catch (e) {
      error = e;
    }
    expect(CredchainError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "ProfileNotFound", profile: "plain" });
    expect((error as Error).message).toContain("The config profile (plain) could not be found");
    expect((error as Error).message).toContain("(selected by AWS_PROFILE)");
  });

  // AWS_PROFILE is whatever the environment holds: the message shows it on one short line, without
  // terminal escapes, forged log lines or a secret pasted there; `profile` keeps it as given.
  const AKIA_LIKE = "AKIAQWERTYUIOPASDFGHJKLZXCVBNM1234567890";
  const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  it.each<[string, string]>([
    ["a terminal escape", "dev\u001b[31mred\u001b]0;title\u0007"],
    ["a forged log line", "dev\n[credchain] forged: credentials resolved\r\n"],
    ["a 1 MB name", "p".repeat(1_048_576)],
    ["an AKIA-like secret (40 characters)", AKIA_LIKE],
    ["a secret access key", SECRET_KEY],
  ])("quotes %s in the message and keeps the name as data", (_what, name) => {
    for (const env of [{ AWS_PROFILE: name }, { AWS_DEFAULT_PROFILE: name }] as Record<string, string>[]) {
      const error = (() => {
        try {
          getScopedProfile(config, select(env));
        } catch (e) {
          return e as CredchainError;
        }
        throw new Error("no error");
      })();
      expect(error).toMatchObject({ code: "ProfileNotFound", profile: name, lookedAt: { profile: name } });
      expect(error.message).toMatch(/^The config profile \(.*\) could not be found in /);
      // eslint-disable-next-line no-control-regex
      expect(error.message).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
      expect(error.message.length).toBeLessThan(400 + config.configFile.path.length + config.credentialsFile.path.length);
      expect(error.message).not.toContain(AKIA_LIKE);
      expect(error.message).not.toContain(SECRET_KEY);
      expect(error.message).not.toContain("\n[credchain]");
    }
  });

  it("quotes the file paths of the message, which env names", async () => {
    const dir = home.dir;
    const hostile = await loadSharedConfig({ env: { HOME: dir, AWS_CONFIG_FILE: `${dir}/a\u001b[2Jb\nforged`, AWS_SHARED_CREDENTIALS_FILE: `${dir}/c\u009bd` } });
    let error: CredchainError | undefined;
    try {
      getScopedProfile(hostile, select({}, "nope"));
    } catch (e) {
      error = e as CredchainError;
    }
    // eslint-disable-next-line no-control-regex
    expect(error?.message).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(error?.message).toContain(`${dir}/a [2Jb forged or ${dir}/c d`);
    expect(error?.lookedAt?.files).toEqual([`${dir}/a\u001b[2Jb\nforged`, `${dir}/c\u009bd`]);
  });

  it("shows an ordinary name as it is", () => {
    expect(() => getScopedProfile(config, select({}, "my-team.prod_01"))).toThrow("The config profile (my-team.prod_01) could not be found");
  });
});
