import { describe, expect, it } from "vitest";
import { toProfileData } from "./to-profile-data.js";

describe(toProfileData.name, () => {
  it("types every known key", () => {
    const raw = {
      aws_access_key_id: "AKID",
      aws_secret_access_key: "secret",
      aws_session_token: "token",
      aws_account_id: "123",
      region: "eu-west-1",
      role_arn: "arn:aws:iam::123:role/r",
      source_profile: "base",
      credential_source: "Environment",
      external_id: "ext",
      mfa_serial: "arn:aws:iam::123:mfa/u",
      role_session_name: "s",
      duration_seconds: "3600",
      web_identity_token_file: "/t",
      credential_process: "cmd --x",
      sso_session: "corp",
      sso_start_url: "https://x/start",
      sso_region: "us-east-1",
      sso_account_id: "123",
      sso_role_name: "Admin",
      sso_registration_scopes: "sso:account:access",
      login_session: "arn:aws:iam::123:user/u",
      ec2_metadata_v1_disabled: "TRUE",
    };
    expect(toProfileData("p", raw)).toEqual({
      name: "p",
      accessKeyId: "AKID",
      secretAccessKey: "secret",
      sessionToken: "token",
      accountId: "123",
      region: "eu-west-1",
      roleArn: "arn:aws:iam::123:role/r",
      sourceProfile: "base",
      credentialSource: "Environment",
      externalId: "ext",
      mfaSerial: "arn:aws:iam::123:mfa/u",
      roleSessionName: "s",
      durationSeconds: 3600,
      webIdentityTokenFile: "/t",
      credentialProcess: "cmd --x",
      ssoSession: "corp",
      ssoStartUrl: "https://x/start",
      ssoRegion: "us-east-1",
      ssoAccountId: "123",
      ssoRoleName: "Admin",
      ssoRegistrationScopes: "sso:account:access",
      loginSession: "arn:aws:iam::123:user/u",
      ec2MetadataV1Disabled: true,
      raw,
    });
  });

  it("prefers aws_security_token, as the credentials-file provider does", () => {
    expect(toProfileData("p", { aws_session_token: "b", aws_security_token: "a" }).sessionToken).toBe("a");
  });

  it("reads duration_seconds as Python's int() and drops what int() rejects, as botocore", () => {
    const d = (v: string) => toProfileData("p", { duration_seconds: v }).durationSeconds;
    expect([d("900"), d("+900"), d("0900"), d("1_800"), d("-1")]).toEqual([900, 900, 900, 1800, -1]);
    expect([d("15m"), d("9.5"), d(""), d("1__0"), d("_1")]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("reads ec2_metadata_v1_disabled as botocore's ensure_boolean", () => {
    expect(toProfileData("p", { ec2_metadata_v1_disabled: "yes" }).ec2MetadataV1Disabled).toBe(false);
    expect(toProfileData("p", {}).ec2MetadataV1Disabled).toBeUndefined();
  });

  it("leaves out sub-sections where a value is expected, and keeps them in raw", () => {
    const data = toProfileData("p", { region: { x: "1" }, s3: { addressing_style: "path" } });
    expect(data.region).toBeUndefined();
    expect(data.raw.s3).toEqual({ addressing_style: "path" });
  });
});
