import { describe, expect, it } from "vitest";
import { resolveImdsSettings } from "./resolve-imds-settings.js";
import { failure } from "./test-helpers.js";

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

  it("reads the env vars (seconds) before the options (config file)", () => {
    const env = { AWS_METADATA_SERVICE_TIMEOUT: "3", AWS_METADATA_SERVICE_NUM_ATTEMPTS: " +2 ", AWS_EC2_METADATA_V1_DISABLED: "TRUE", AWS_EC2_INSTANCE_PROFILE_NAME: "env-role" };
    const options = { timeoutMs: 5000, maxAttempts: 5, v1Disabled: false, instanceProfileName: "config-role" };
    expect(resolveImdsSettings(env, options)).toMatchObject({ timeoutMs: 3000, maxAttempts: 2, v1Disabled: true, instanceProfileName: "env-role" });
    expect(resolveImdsSettings({}, options)).toMatchObject({ timeoutMs: 5000, maxAttempts: 5, v1Disabled: false, instanceProfileName: "config-role" });
    expect(resolveImdsSettings({ AWS_EC2_METADATA_V1_DISABLED: "no" }, { v1Disabled: true }).v1Disabled).toBe(false);
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
