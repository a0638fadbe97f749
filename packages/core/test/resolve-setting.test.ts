import { describe, expect, it } from "vitest";
import { profileLayer as layer } from "./profile-layer.js";
import { CredchainError } from "../src/errors.js";
import { resolveSetting } from "../src/resolve-setting.js";
import * as table from "../src/settings.js";

describe(resolveSetting.name, () => {
  it("takes the option, then the first env var set, then the profile, then the default", () => {
    const profile = layer("[default]\nregion = from-profile\n");
    expect(resolveSetting(table.REGION, { env: { AWS_DEFAULT_REGION: "d" }, profile }, "o")).toEqual({ value: "o", from: "option" });
    expect(resolveSetting(table.REGION, { env: { AWS_REGION: "r", AWS_DEFAULT_REGION: "d" }, profile })).toEqual({ value: "r", from: "env AWS_REGION" });
    expect(resolveSetting(table.REGION, { env: { AWS_DEFAULT_REGION: "d" }, profile }).from).toBe("env AWS_DEFAULT_REGION");
    expect(resolveSetting(table.REGION, { env: {}, profile })).toEqual({ value: "from-profile", from: 'profile "default" region' });
    expect(resolveSetting(table.METADATA_SERVICE_TIMEOUT, { env: {} })).toEqual({ value: 1, from: "default" });
  });

  it("counts an env var set to \"\" as set (botocore), except where the row says blanks skip", () => {
    const profile = layer("[default]\nregion = from-profile\n");
    expect(resolveSetting(table.REGION, { env: { AWS_DEFAULT_REGION: "" }, profile })).toMatchObject({ value: "", from: "env AWS_DEFAULT_REGION" });
    expect(resolveSetting(table.REGION, { env: { AWS_REGION: "" }, profile }).from).toBe('profile "default" region');
    expect(resolveSetting(table.EC2_METADATA_V1_DISABLED, { env: { AWS_EC2_METADATA_V1_DISABLED: "" }, profile: layer("[default]\nec2_metadata_v1_disabled = true\n") }).value).toBe(false);
  });

  it("converts with the row's parser, and names where unreadable text came from", () => {
    expect(resolveSetting(table.METADATA_SERVICE_NUM_ATTEMPTS, { env: { AWS_METADATA_SERVICE_NUM_ATTEMPTS: " +1_0 " } }).value).toBe(10);
    expect(resolveSetting(table.USE_FIPS_ENDPOINT, { env: { AWS_USE_FIPS_ENDPOINT: "TRUE" } }).value).toBe(true);
    expect(() => resolveSetting(table.METADATA_SERVICE_TIMEOUT, { env: { AWS_METADATA_SERVICE_TIMEOUT: "1.5" }, source: "iam-role" })).toThrow(
      expect.objectContaining({ code: "InvalidConfig", key: "AWS_METADATA_SERVICE_TIMEOUT", source: "iam-role", message: 'env AWS_METADATA_SERVICE_TIMEOUT must be a whole number, got "1.5"' }),
    );
    let error: unknown;
    try {
      resolveSetting(table.MAX_ATTEMPTS, { env: {}, profile: layer("[profile dev]\nmax_attempts = many\n", "dev") });
    } catch (e) {
      error = e;
    }
    expect(CredchainError.isInstance(error) && error.toJSON()).toMatchObject({
      code: "InvalidConfig",
      key: "max_attempts",
      profile: "dev",
      file: "/cfg",
      message: 'profile "dev" max_attempts must be a whole number, got "many"',
    });
  });

  it("skips a sub-section where a value is expected", () => {
    expect(resolveSetting(table.REGION, { env: {}, profile: layer("[default]\nregion =\n  a = b\n") }).value).toBeUndefined();
  });
});

