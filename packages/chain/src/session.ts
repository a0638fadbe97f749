import type { Env, ProviderContext } from "@credchain/core";
import type { ProfileSettings } from "@credchain/core";
import type { ContainerMetadataInit } from "@credchain/provider-container";
import type { InstanceMetadataInit } from "@credchain/provider-imds";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import type { StsClientInit } from "@credchain/provider-sts";
import type { ProcessChainOptions } from "./process-from-profile.js";

/** Instance metadata options of a chain: what env and the profile say, overridden. */
export type ImdsChainOptions = Omit<InstanceMetadataInit, "env" | "homedir" | "readFile" | "now" | "logger" | "transport">;

/** Asked for an MFA code when a role profile has `mfa_serial`. */
export type MfaCodeProvider = (request: { serialNumber: string; profile: string }) => Promise<string> | string;

/** Options of role profiles (assume-role, web identity) in a chain. */
export interface RoleOptions {
  /** Supplies the MFA code for `mfa_serial` profiles. Default: none (such profiles fail with a clear error). */
  mfaCode?: MfaCodeProvider;
  /** STS client settings: attempts, timeout, transport overrides. */
  sts?: Pick<StsClientInit, "maxAttempts" | "timeoutMs" | "sleep" | "random" | "endpointUrl">;
  /**
   * Where assumed-role credentials are cached: `"memory"` (boto3's default), `"file"` (the AWS
   * CLI's ~/.aws/cli/cache, shared with it), or `{ dir }`. Default: `"memory"`.
   */
  cache?: "memory" | "file" | { dir: string };
}

/**
 * What one resolution knows, as a boto3 Session does: both files, the selected profile, the
 * context, and the options the providers take. Built once per resolution by the default chain.
 */
export interface Session {
  ctx: ProviderContext;
  config: SharedConfig;
  /** The selected profile's name and settings (both files merged). */
  profileName: string;
  profile: Profile;
  /** True when the profile was chosen in code: env credentials (and env web identity) are ignored. */
  envDisabled: boolean;
  /** The selected profile's settings layer (region, endpoints, …): what the STS, SSO and login clients read below env. */
  settings: ProfileSettings;
  process?: ProcessChainOptions | undefined;
  container?: Omit<ContainerMetadataInit, keyof import("@credchain/provider-ini").SharedConfigInit> | undefined;
  imds: ImdsChainOptions;
  roles: RoleOptions;
}

/** The env a provider should see: without the web identity variables when env is disabled. */
export function sessionEnv(session: Session, envDisabled: boolean): Env {
  if (!envDisabled) return session.ctx.env;
  const { AWS_WEB_IDENTITY_TOKEN_FILE: _f, AWS_ROLE_ARN: _a, AWS_ROLE_SESSION_NAME: _s, ...rest } = session.ctx.env;
  return rest;
}
