import type { Profile } from "./load-shared-config.js";

/**
 * A profile's settings, typed. Data only: which provider uses them (static keys, assume role,
 * web identity, SSO, process, login) is the chain's business. A key whose value is a
 * sub-section (an object) where a string is expected is left out; `raw` keeps everything.
 */
export interface ProfileData {
  name: string;
  /** `aws_access_key_id` */
  accessKeyId?: string;
  /** `aws_secret_access_key` */
  secretAccessKey?: string;
  /**
   * `aws_security_token`, else `aws_session_token`: botocore's order for the credentials-file
   * and config-file providers. (Static keys of a `source_profile` are read by botocore's
   * assume-role provider with `aws_session_token` only: use `raw` there.)
   */
  sessionToken?: string;
  /** `aws_account_id` */
  accountId?: string;
  region?: string;
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  externalId?: string;
  mfaSerial?: string;
  roleSessionName?: string;
  /** `duration_seconds` as Python's `int()` reads it; an unreadable value is left out, as botocore ignores it. */
  durationSeconds?: number;
  webIdentityTokenFile?: string;
  credentialProcess?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  ssoRegion?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  ssoRegistrationScopes?: string;
  loginSession?: string;
  /** `ec2_metadata_v1_disabled`: true only for `true` in any case (botocore's ensure_boolean). */
  ec2MetadataV1Disabled?: boolean;
  /** Every key of the profile as read. */
  raw: Profile;
}

const STRING_KEYS = {
  accessKeyId: "aws_access_key_id",
  secretAccessKey: "aws_secret_access_key",
  accountId: "aws_account_id",
  region: "region",
  roleArn: "role_arn",
  sourceProfile: "source_profile",
  credentialSource: "credential_source",
  externalId: "external_id",
  mfaSerial: "mfa_serial",
  roleSessionName: "role_session_name",
  webIdentityTokenFile: "web_identity_token_file",
  credentialProcess: "credential_process",
  ssoSession: "sso_session",
  ssoStartUrl: "sso_start_url",
  ssoRegion: "sso_region",
  ssoAccountId: "sso_account_id",
  ssoRoleName: "sso_role_name",
  ssoRegistrationScopes: "sso_registration_scopes",
  loginSession: "login_session",
} as const satisfies Partial<Record<keyof ProfileData, string>>;

/** Python's `int(str)`: optional sign, ASCII digits with single `_` between them, surrounding blanks. */
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * Types a profile from {@link loadSharedConfig}'s maps.
 *
 * @example
 * ```ts
 * import { loadSharedConfig, toProfileData } from "@credchain/provider-ini";
 *
 * const config = await loadSharedConfig();
 * const dev = toProfileData("dev", config.profiles.dev ?? {});
 * if (dev.roleArn) console.log(`assume ${dev.roleArn} from ${dev.sourceProfile ?? dev.credentialSource}`);
 * ```
 */
export function toProfileData(name: string, profile: Profile): ProfileData {
  const data: ProfileData = { name, raw: profile };
  const text = (key: string): string | undefined => {
    const value = Object.hasOwn(profile, key) ? profile[key] : undefined;
    return typeof value === "string" ? value : undefined;
  };
  for (const [field, key] of Object.entries(STRING_KEYS)) {
    const value = text(key);
    if (value !== undefined) (data as unknown as Record<string, string>)[field] = value;
  }
  const token = text("aws_security_token") ?? text("aws_session_token");
  if (token !== undefined) data.sessionToken = token;
  const duration = text("duration_seconds");
  if (duration !== undefined && PY_INT.test(duration)) data.durationSeconds = Number(duration.replaceAll("_", ""));
  const v1Disabled = text("ec2_metadata_v1_disabled");
  if (v1Disabled !== undefined) data.ec2MetadataV1Disabled = v1Disabled.toLowerCase() === "true";
  return data;
}
