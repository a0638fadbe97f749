import { inspect } from "node:util";
import { createCredentials } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { fromSdkCredentials, withCredentialScope } from "../src/sdk-credentials.js";

describe(fromSdkCredentials.name, () => {
  it("credentials from SDK-shaped code become credchain's: checked, redacted, with a source and the scope", () => {
    const c = fromSdkCredentials({ accessKeyId: "AKID", secretAccessKey: "very-secret", sessionToken: "tok", expiration: new Date(0), credentialScope: "eu-west-1", accountId: "123456789012" }, "assume-role", "roleAssumer");
    expect(c).toMatchObject({ accessKeyId: "AKID", secretAccessKey: "very-secret", credentialScope: "eu-west-1", accountId: "123456789012", source: "assume-role" });
    expect(inspect(c)).not.toContain("very-secret");
    expect(JSON.stringify(c)).not.toContain("tok");
  });

  it("anything else is CredentialRetrieval naming what returned it, never quoting it", () => {
    for (const bad of [undefined, "AKID", { accessKeyId: "AKID" }, { accessKeyId: "", secretAccessKey: "s" }, { accessKeyId: "A", secretAccessKey: "s", expiration: "2099-01-01" }, { accessKeyId: "A", secretAccessKey: "s", expiration: new Date(Number.NaN) }]) {
      expect(() => fromSdkCredentials(bad, "assume-role", "roleAssumer")).toThrow(expect.objectContaining({ code: "CredentialRetrieval", message: expect.stringMatching(/^roleAssumer returned /) }));
    }
    expect(() => fromSdkCredentials({ accessKeyId: "A\r\nX-Injected: 1", secretAccessKey: "s" }, "explicit", "masterCredentials")).toThrow(expect.objectContaining({ code: "CredentialRetrieval" }));
  });
});

describe(withCredentialScope.name, () => {
  const base = createCredentials({ accessKeyId: "AKID", secretAccessKey: "very-secret", source: "env" });

  it("adds the scope to a copy that stays redacted; no scope, no copy", () => {
    const scoped = withCredentialScope(base, "us-west-2");
    expect(scoped).toMatchObject({ accessKeyId: "AKID", credentialScope: "us-west-2", source: "env" });
    expect(inspect(scoped)).not.toContain("very-secret");
    expect(JSON.stringify(scoped)).not.toContain("very-secret");
    expect(withCredentialScope(base, undefined)).toBe(base);
    expect(withCredentialScope(base, "")).toBe(base);
  });

  it("a scope with a control character is refused, named by where it came from", () => {
    expect(() => withCredentialScope(base, "eu\nwest", "AWS_CREDENTIAL_SCOPE")).toThrow(expect.objectContaining({ code: "CredentialRetrieval", key: "credentialScope", message: expect.stringContaining("AWS_CREDENTIAL_SCOPE") }));
  });
});
