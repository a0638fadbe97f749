import { startImds } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { credentialSourceProvider } from "../src/index.js";

describe("credentialSourceProvider", () => {
  it("maps Environment to env, case-insensitively as botocore", async () => {
    const env = { AWS_ACCESS_KEY_ID: "AKIDENV", AWS_SECRET_ACCESS_KEY: "s" };
    expect((await credentialSourceProvider("environment", { env })()).source).toBe("env");
  });

  it("maps Ec2InstanceMetadata to IMDS", async () => {
    const imds = await startImds();
    try {
      const c = await credentialSourceProvider("Ec2InstanceMetadata", { env: imds.env })();
      expect(c.source).toBe("iam-role");
    } finally {
      await imds.close();
    }
  });

  it("maps EcsContainer to the container endpoint (not configured: not here)", async () => {
    await expect(credentialSourceProvider("EcsContainer", { env: {} })()).rejects.toMatchObject({ code: "NoCredentials", tryNextLink: true });
  });

  it("refuses other names with InvalidConfig naming the profile", () => {
    expect(() => credentialSourceProvider("SharedConfig", { profile: "dev" })).toThrow(
      'credential_source "SharedConfig" in profile "dev" is not one of Environment, Ec2InstanceMetadata, EcsContainer',
    );
  });
});
