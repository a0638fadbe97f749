import { describe, expect, it } from "vitest";
import { canonicalCredentialSource, credentialSourceFoundNothing } from "../src/canonical-credential-source.js";

describe(canonicalCredentialSource.name, () => {
  it("finds the canonical name in any case, as botocore's lookup", () => {
    expect(canonicalCredentialSource("ec2instancemetadata")).toBe("Ec2InstanceMetadata");
    expect(canonicalCredentialSource("ENVIRONMENT")).toBe("Environment");
  });

  it("refuses other names with InvalidConfig naming the key and the profile", () => {
    expect(() => canonicalCredentialSource("SharedConfig", "dev")).toThrow(
      expect.objectContaining({ code: "InvalidConfig", key: "credential_source", profile: "dev", message: 'credential_source "SharedConfig" in profile "dev" is not one of Environment, Ec2InstanceMetadata, EcsContainer' }),
    );
  });
});

describe(credentialSourceFoundNothing.name, () => {
  it("is botocore's CredentialRetrievalError, with the provider's answer as its cause", () => {
    const cause = new Error("not here");
    expect(credentialSourceFoundNothing({ kind: "credential-source", profile: "dev", name: "EcsContainer" }, cause)).toMatchObject({
      code: "CredentialRetrieval",
      source: "assume-role",
      profile: "dev",
      cause,
      message: "Error when retrieving credentials from EcsContainer: No credentials found in credential_source referenced in profile dev",
    });
  });
});
