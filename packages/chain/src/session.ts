import type { LocalContext, ProfileSettings, ProviderContextInit } from "@credchain/core/local";
import type { ContainerMetadataInit } from "@credchain/provider-container";
import type { InstanceMetadataInit } from "@credchain/provider-imds";
import type { SharedConfig, SharedConfigInit } from "@credchain/provider-ini";
import type { ProcessInit } from "@credchain/provider-process";
import type { AssumeRoleInit, StsClientInit, StsRegionOptions, WebIdentityInit } from "@credchain/provider-sts";

/** Instance metadata options of a chain: they win over env and the profile. */
export type ImdsChainOptions = Omit<InstanceMetadataInit, "env" | "homedir" | "readFile" | "now" | "logger" | "transport">;

/** Options of the credential helper process a profile runs. */
export type ProcessChainOptions = Pick<ProcessInit, "timeoutMs" | "maxOutputBytes">;

/** Asked for an MFA code when a role profile has an MFA serial. */
export type MfaCodeProvider = (request: { serialNumber: string; profile: string }) => Promise<string> | string;

/** Options of role profiles (assume-role, web identity) in a chain. */
export interface RoleOptions {
  /** Supplies the MFA code for roles with an MFA serial. Default: none (such profiles fail with a clear error). */
  mfaCode?: MfaCodeProvider;
  /**
   * STS client settings: attempts, timeout, endpoint, FIPS and dual-stack, the region (the region option wins over env
   * and the profile; `defaultRegion` applies when none of them names one, instead of
   * `aws-global`), and `assumeRole` / `assumeRoleWithWebIdentity` to make the calls in code.
   */
  sts?: Pick<StsClientInit, "maxAttempts" | "timeoutMs" | "sleep" | "random" | "endpointUrl" | "useFipsEndpoint" | "useDualstackEndpoint"> &
    StsRegionOptions &
    /** The calls themselves, in code instead of STS: the AWS SDK's `roleAssumer` and `roleAssumerWithWebIdentity`. */
    Pick<AssumeRoleInit, "assumeRole"> &
    Pick<WebIdentityInit, "assumeRoleWithWebIdentity">;
  /**
   * Where assumed-role credentials are cached: `"memory"` (boto3's default), `"file"` (the AWS
   * CLI's ~/.aws/cli/cache, shared with it), or `{ dir }`. Default: `"memory"`.
   */
  cache?: "memory" | "file" | { dir: string };
}

/**
 * The context a chain hands its providers: env, files, clock and logger, and the transport when
 * one was given (else each provider that calls an endpoint makes its default).
 */
export type ChainContext = LocalContext & Pick<ProviderContextInit, "transport">;

/**
 * What one resolution knows, as a boto3 Session does: both files, the selected profile's
 * settings, the context, and the options the providers take. Built once per resolution by the
 * default chain; the plan's interpreter reads it.
 */
export interface Session {
  ctx: ChainContext;
  config: SharedConfig;
  /** The selected profile's settings layer (region, endpoints, …): what the STS, SSO and login clients read below env. */
  settings: ProfileSettings;
  process?: ProcessChainOptions | undefined;
  container?: Omit<ContainerMetadataInit, keyof ProviderContextInit> | undefined;
  imds: ImdsChainOptions;
  /** The chain's role options as given (`roleCache` is RoleOptions' `cache`). */
  roles: Omit<RoleOptions, "cache"> & { roleCache?: RoleOptions["cache"] | undefined };
}
