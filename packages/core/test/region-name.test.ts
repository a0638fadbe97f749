import { describe, expect, it } from "vitest";
import { checkRegionName } from "../src/region-name.js";

describe(checkRegionName.name, () => {
  it.each(["eu-west-1", "a", "1a", "aws-global", "x".repeat(63), "Us-East-1"])("accepts %j, as botocore's validate_region_name", (region) => {
    expect(() => checkRegionName(region, "region")).not.toThrow();
  });

  it.each(["123", "-a", "a-", "a.b", "evil.example/x", "a b", "a_b", "x".repeat(64), "", "us-east-1\n"])("refuses %j with InvalidConfig naming the key", (region) => {
    expect(() => checkRegionName(region, "sso_region", "sso")).toThrow(
      expect.objectContaining({ code: "InvalidConfig", key: "sso_region", source: "sso", message: expect.stringContaining("not a valid region name") }),
    );
  });
});
