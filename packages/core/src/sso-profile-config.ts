/**
 * A profile's SSO settings, validated as botocore's SSOProvider validates them: what
 * provider-ini's plan produces for an SSO profile and what `fromSso` (provider-sso) takes.
 */
export interface SsoProfileConfig {
  /** The profile name, for messages and the `aws sso login --profile` hint. */
  profile: string;
  /** `sso_session`: the `[sso-session NAME]` the profile refers to; absent for the legacy form. */
  ssoSession?: string | undefined;
  /** `sso_start_url` (from the sso-session section when one is referenced). */
  ssoStartUrl: string;
  /** `sso_region` (from the sso-session section when one is referenced). */
  ssoRegion: string;
  /** `sso_account_id` */
  ssoAccountId: string;
  /** `sso_role_name` */
  ssoRoleName: string;
  /** `sso_registration_scopes`, as written (only `aws sso login` uses it). */
  ssoRegistrationScopes?: string | undefined;
  /** The `[sso-session NAME]` section itself; the token refresh reads its start URL and region, as botocore's SSOTokenProvider does. */
  sessionConfig?: Readonly<Record<string, string>> | undefined;
}
