import { createCredentials, type CredentialProvider } from "@credchain/core";
import { stsIssuedKeys } from "@credchain/emulator";
import { describe, expect, it } from "vitest";
import { fromAssumeRole } from "../src/from-assume-role.js";
import { contextFor, emulator, failure, ROLE, T0 } from "./helpers.js";

const staticProvider =
  (keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined }): CredentialProvider =>
  async () =>
    createCredentials({ ...keys, source: "shared-credentials-file" });

describe(fromAssumeRole.name, () => {
  it("assumes the role with the source credentials; source assume-role, expiration, accountId", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const provider = fromAssumeRole({ ...init, sourceCredentials: staticProvider(sts.users[0]!), roleArn: ROLE, roleSessionName: "mine" });
    const creds = await provider();
    expect({ ...creds }).toEqual({ ...stsIssuedKeys(1), expiration: new Date(T0 + 3_600_000), accountId: "111122223333", source: "assume-role" });
    expect(sts.calls[0]).toMatchObject({ action: "AssumeRole", accessKeyId: "AKIAEMULATORUSER0001", params: { RoleSessionName: "mine" } });
  });

  it("generates botocore's session name once, from the clock at creation", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const provider = fromAssumeRole({ ...init, sourceCredentials: staticProvider(sts.users[0]!), roleArn: ROLE });
    await provider();
    await provider();
    expect(sts.calls.map((c) => c.params.RoleSessionName)).toEqual([`botocore-session-${T0 / 1000}`, `botocore-session-${T0 / 1000}`]);
  });

  it("chains roles: one assumed role is the source of the next", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const first = fromAssumeRole({ ...init, sourceCredentials: staticProvider(sts.users[0]!), roleArn: ROLE, roleSessionName: "one" });
    const second = fromAssumeRole({ ...init, sourceCredentials: first, roleArn: "arn:aws:iam::444455556666:role/prod", roleSessionName: "two" });
    const creds = await second();
    expect(creds).toMatchObject({ accessKeyId: stsIssuedKeys(2).accessKeyId, accountId: "444455556666" });
    expect(sts.calls.map((c) => c.accessKeyId)).toEqual(["AKIAEMULATORUSER0001", stsIssuedKeys(1).accessKeyId]);
  });

  it("asks tokenCode for the MFA code on every call", async () => {
    const sts = await emulator({ roles: [{ arn: ROLE, requireMfa: true }] });
    const { init } = contextFor(sts);
    let asked = 0;
    const provider = fromAssumeRole({
      ...init,
      sourceCredentials: staticProvider(sts.users[0]!),
      roleArn: ROLE,
      mfaSerial: "arn:aws:iam::123456789012:mfa/me",
      tokenCode: async () => (++asked, "123456"),
      externalId: "x",
      durationSeconds: 1200,
    });
    await provider();
    await provider();
    expect(asked).toBe(2);
    expect(sts.calls[0]!.params).toMatchObject({ SerialNumber: "arn:aws:iam::123456789012:mfa/me", TokenCode: "[redacted]", ExternalId: "x", DurationSeconds: "1200" });
  });

  it("MFA required but not given: AccessDenied from STS", async () => {
    const sts = await emulator({ roles: [{ arn: ROLE, requireMfa: true }] });
    const { init } = contextFor(sts);
    const error = await failure(fromAssumeRole({ ...init, sourceCredentials: staticProvider(sts.users[0]!), roleArn: ROLE })());
    expect(error).toMatchObject({ code: "CredentialRetrieval", source: "assume-role", status: 403 });
    expect(error.message).toContain("(AccessDenied)");
  });

  it.each([
    ["a malformed role ARN", { roleArn: "arn:aws:iam::1234:role/x" }, "role_arn"],
    ["a user ARN", { roleArn: "arn:aws:iam::123456789012:user/x" }, "role_arn"],
    ["DurationSeconds below 900", { durationSeconds: 899 }, "duration_seconds"],
    ["DurationSeconds above 43200", { durationSeconds: 43201 }, "duration_seconds"],
    ["a fractional DurationSeconds", { durationSeconds: 1000.5 }, "duration_seconds"],
    ["a session name under 2 characters", { roleSessionName: "x" }, "role_session_name"],
    ["mfaSerial without tokenCode", { mfaSerial: "arn:aws:iam::123456789012:mfa/me" }, "mfa_serial"],
  ])("%s is InvalidConfig before any request", async (_, override, key) => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const error = await failure(fromAssumeRole({ ...init, sourceCredentials: staticProvider(sts.users[0]!), roleArn: ROLE, ...override })());
    expect(error).toMatchObject({ code: "InvalidConfig", source: "assume-role", key });
    expect(sts.requests).toHaveLength(0);
  });

  it("a failing source provider fails the call with its own error", async () => {
    const sts = await emulator();
    const { init } = contextFor(sts);
    const source: CredentialProvider = async () => {
      throw new Error("source broke");
    };
    await expect(fromAssumeRole({ ...init, sourceCredentials: source, roleArn: ROLE })()).rejects.toThrow("source broke");
    expect(sts.requests).toHaveLength(0);
  });
});
