import type { CredchainError, CredentialSource, LookedAt } from "@credchain/core/local";
import type { SsoProfileConfig } from "@credchain/core/internal";

/** botocore's canonical names for `credential_source` (CanonicalNameCredentialSourcer), in its validation's exact case. */
export const CREDENTIAL_SOURCE_NAMES = ["Environment", "Ec2InstanceMetadata", "EcsContainer"] as const;
export type CredentialSourceName = (typeof CREDENTIAL_SOURCE_NAMES)[number];

/** A profile provider botocore tried before the one that decides, and why it did not apply. */
export interface SkippedProvider {
  method: CredentialSource;
  reason: string;
  lookedAt?: LookedAt | undefined;
}

interface PlanStep {
  /** The profile this step reads. */
  profile: string;
  /** botocore's profile providers before this one, in order, each with why it did not apply. */
  skipped: SkippedProvider[];
}

/** Keys of one file: botocore's SharedCredentialProvider (credentials file) or ConfigProvider (config file). */
export interface StaticPlan extends PlanStep {
  kind: "static";
  method: "shared-credentials-file" | "config-file";
  /** The file's path. */
  file: string;
  /** The token key botocore reads, if any: `aws_security_token` wins over `aws_session_token`. */
  sessionTokenKey?: "aws_security_token" | "aws_session_token" | undefined;
}

/** A role to assume with the credentials of `source`: botocore's AssumeRoleProvider, one level of a chain. */
export interface AssumeRolePlan extends PlanStep {
  kind: "assume-role";
  method: "assume-role";
  roleArn: string;
  roleSessionName?: string | undefined;
  externalId?: string | undefined;
  mfaSerial?: string | undefined;
  /** `duration_seconds` as Python's `int()` reads it; botocore ignores a value it cannot read. */
  durationSeconds?: number | undefined;
  /** `source_profile`: that profile's plan (another role for a chain); `credential_source`: the named provider. */
  source: CredentialPlan | CredentialSourcePlan;
}

/** `credential_source`: the environment, the container endpoint or instance metadata signs the role's call. */
export interface CredentialSourcePlan {
  kind: "credential-source";
  /** The profile that names it. */
  profile: string;
  name: CredentialSourceName;
}

/** botocore's AssumeRoleWithWebIdentityProvider: each setting from its env var (unless a profile was chosen in code), else the profile. */
export interface WebIdentityPlan extends PlanStep {
  kind: "web-identity";
  method: "assume-role-with-web-identity";
  tokenFile: string;
  /** The setting that named the token file: `AWS_WEB_IDENTITY_TOKEN_FILE` or `web_identity_token_file`. */
  tokenFileFrom: string;
  /** Empty or missing: InvalidConfig when the provider runs, as botocore raises in load(). */
  roleArn: string | undefined;
  roleSessionName: string | undefined;
}

/** botocore's SSOProvider, its settings validated (sso-session merged in). */
export interface SsoPlan extends PlanStep {
  kind: "sso";
  method: "sso";
  config: SsoProfileConfig;
}

/** botocore's ProcessProvider: `credential_process`, and `aws_account_id` for output without AccountId. */
export interface ProcessPlan extends PlanStep {
  kind: "process";
  method: "custom-process";
  command: string;
  accountId?: string | undefined;
}

/** botocore's LoginProvider: the `login_session` an `aws login` left. */
export interface LoginPlan extends PlanStep {
  kind: "login";
  method: "login";
  loginSession: string;
}

/** No provider of the profile applies: the chain goes on to the providers after the profile's. */
export interface NonePlan extends PlanStep {
  kind: "none";
  reason: string;
}

/**
 * A provider applies but its settings are broken: `error` is what botocore raises when that
 * provider is reached (both or neither role source, an unknown credential_source, a missing
 * source profile, a loop, incomplete SSO settings, …) — carried, never thrown while planning.
 */
export interface InvalidPlan extends PlanStep {
  kind: "invalid";
  method: CredentialSource;
  error: CredchainError;
}

/**
 * How botocore gets credentials from a profile: the first of its profile providers that applies
 * (assume-role, web identity, SSO, credentials file, login, credential_process, config file), with
 * why each earlier one did not. Data only: `@credchain/chain` runs it.
 */
export type CredentialPlan = StaticPlan | AssumeRolePlan | WebIdentityPlan | SsoPlan | ProcessPlan | LoginPlan | NonePlan | InvalidPlan;
