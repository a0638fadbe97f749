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
});
