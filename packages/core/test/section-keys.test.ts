import { describe, expect, it } from "vitest";
import { CredchainError } from "../src/errors.js";
import { sectionKeyPair, sectionText } from "../src/section-keys.js";

const place = { source: "config-file", file: "/h/.aws/config", fileLabel: "the config file /h/.aws/config", section: 'profile "dev"', profile: "dev" } as const;

function thrown(fn: () => unknown): CredchainError {
  try {
    fn();
  } catch (error) {
    if (CredchainError.isInstance(error)) return error;
  }
  throw new Error("expected a CredchainError");
}

describe("sectionKeyPair", () => {
  it("returns the key pair", () => {
    expect(sectionKeyPair({ aws_access_key_id: "AKID", aws_secret_access_key: "s" }, place)).toEqual({ accessKeyId: "AKID", secretAccessKey: "s" });
  });

  it("refuses an access key without its secret (PartialCredentials naming file, profile and key)", () => {
    const e = thrown(() => sectionKeyPair({ aws_access_key_id: "AKID" }, place));
    expect(e).toMatchObject({ code: "PartialCredentials", source: "config-file", file: "/h/.aws/config", profile: "dev", key: "aws_secret_access_key" });
    expect(e.message).toBe(
      'Partial credentials found in config-file, missing: aws_secret_access_key (profile "dev" in /h/.aws/config has aws_access_key_id but no aws_secret_access_key)',
    );
  });

  it("refuses a sub-section where a value belongs, without showing it", () => {
    const e = thrown(() => sectionText({ aws_secret_access_key: { a: "secret" } }, "aws_secret_access_key", place));
    expect(e).toMatchObject({ code: "InvalidConfig", key: "aws_secret_access_key", profile: "dev" });
    expect(e.message).toBe(
      'aws_secret_access_key in profile "dev" of the config file /h/.aws/config is a sub-section (indented lines after "aws_secret_access_key ="), not a value',
    );
    expect(sectionText({}, "aws_session_token", place)).toBeUndefined();
  });
});
