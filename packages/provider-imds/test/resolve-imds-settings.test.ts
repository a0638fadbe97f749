import { describe, expect, it } from "vitest";
import { resolveImdsSettings } from "../src/resolve-imds-settings.js";
import { failure } from "./helpers.js";

describe(resolveImdsSettings.name, () => {
  it("has botocore's defaults", () => {
    expect(resolveImdsSettings({})).toEqual({
      disabled: false,
      endpoint: { url: "http://169.254.169.254/", mode: "ipv4", from: "default" },
      timeoutMs: 1000,
      maxAttempts: 1,
      v1Disabled: false,
      instanceProfileName: undefined,
    });
  });

  it.each([["true", true], ["TRUE", true], ["True", true], ["1", false], ["yes", false], ["", false]])("AWS_EC2_METADATA_DISABLED=%j → %s", (value, disabled) => {
    expect(resolveImdsSettings({ AWS_EC2_METADATA_DISABLED: value }).disabled).toBe(disabled);
  });

  it("reads the env vars (seconds) before the profile's keys, and the options before both", () => {
    const env = { AWS_METADATA_SERVICE_TIMEOUT: "3", AWS_METADATA_SERVICE_NUM_ATTEMPTS: " +2 ", AWS_EC2_METADATA_V1_DISABLED: "TRUE", AWS_EC2_INSTANCE_PROFILE_NAME: "env-role" };
    const values = { metadata_service_timeout: "4", metadata_service_num_attempts: "4", ec2_metadata_v1_disabled: "false", ec2_instance_profile_name: "config-role" };
    const profileSettings = { name: "dev", values, file: "/cfg" };
    expect(resolveImdsSettings(env, { profileSettings })).toMatchObject({ timeoutMs: 3000, maxAttempts: 2, v1Disabled: true, instanceProfileName: "env-role" });
    expect(resolveImdsSettings({}, { profileSettings })).toMatchObject({ timeoutMs: 4000, maxAttempts: 4, v1Disabled: false, instanceProfileName: "config-role" });
    expect(resolveImdsSettings({ AWS_EC2_METADATA_V1_DISABLED: "no" }, { profileSettings: { name: "dev", values: { ec2_metadata_v1_disabled: "true" } } }).v1Disabled).toBe(false);
    const options = { timeoutMs: 5000, maxAttempts: 5, v1Disabled: false, instanceProfileName: "code-role" };
    expect(resolveImdsSettings(env, { ...options, profileSettings })).toMatchObject({ timeoutMs: 5000, maxAttempts: 5, v1Disabled: false, instanceProfileName: "code-role" });
  });

  it("names the profile and file of a number Python's int() would refuse", async () => {
    const profileSettings = { name: "dev", values: { metadata_service_timeout: "1.5" }, file: "/cfg" };
    const error = await failure((async () => resolveImdsSettings({}, { profileSettings }))());
    expect(error).toMatchObject({ code: "InvalidConfig", key: "metadata_service_timeout", profile: "dev", file: "/cfg", source: "iam-role" });
    expect(error.message).toBe('profile "dev" metadata_service_timeout must be a whole number, got "1.5"');
  });

  it("reads numbers as Python's int() does", () => {
    expect(resolveImdsSettings({ AWS_METADATA_SERVICE_NUM_ATTEMPTS: "1_0" }).maxAttempts).toBe(10);
  });

  it.each([["AWS_METADATA_SERVICE_TIMEOUT", "1.5"], ["AWS_METADATA_SERVICE_TIMEOUT", ""], ["AWS_METADATA_SERVICE_NUM_ATTEMPTS", "two"]])(
    "%s=%j is InvalidConfig (botocore: ValueError)",
    async (name, value) => {
      const error = await failure((async () => resolveImdsSettings({ [name]: value }))());
      expect(error).toMatchObject({ code: "InvalidConfig", key: name, source: "iam-role" });
    },
  );
});
