import type { Env } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import type { CredentialPlan, SkippedProvider } from "./credential-plan.js";
import type { SharedConfig } from "./load-shared-config.js";
import { profileOf } from "./plan-helpers.js";
import { planProfileProviders } from "./plan-profile-providers.js";
import { planRoleChain } from "./plan-role-chain.js";

export interface PlanProfileOptions {
  /** Environment variables: AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME. Default: `process.env`. */
  env?: Env | undefined;
  /**
   * True when the profile was chosen in code (`boto3.Session(profile_name=…)`): the web identity
   * env vars are ignored, as botocore's `disable_env_vars`. Default: false.
   */
  envDisabled?: boolean | undefined;
}

/**
 * The plan botocore's default chain follows for a profile: its assume-role provider first (a
 * `role_arn` without `web_identity_token_file`), then the profile providers of
 * `ProfileProviderBuilder.providers` in order — web identity, SSO, the credentials file, login,
 * `credential_process`, the config file. The first that applies decides; the ones before it are
 * listed in `skipped` with why. Errors botocore raises when a provider is reached (bad role
 * sources, loops, incomplete SSO settings) are carried in an `invalid` plan, never thrown here.
 *
 * Data only: nothing is read but `config` and `env`, no provider runs, nothing is called.
 *
 * @example
 * ```ts
 * import { describePlan, loadSharedConfig, planProfile } from "@credchain/provider-ini";
 *
 * const config = await loadSharedConfig();
 * const plan = planProfile(config, "dev", { env: process.env });
 * console.log(describePlan(plan)); // assume-role dev → static base (credentials file)
 * if (plan.kind === "assume-role") console.log(plan.roleArn, plan.source.kind);
 * ```
 */
export function planProfile(config: SharedConfig, name: string, options: PlanProfileOptions = {}): CredentialPlan {
  const profile = profileOf(config, name);
  const skipped: SkippedProvider[] = [];
  if (Object.hasOwn(profile, "role_arn") && !Object.hasOwn(profile, "web_identity_token_file")) return planRoleChain(config, name);
  skipped.push({
    method: "assume-role",
    reason: Object.hasOwn(profile, "role_arn")
      ? `profile "${showName(name)}" has web_identity_token_file: its role_arn is for web identity`
      : `profile "${showName(name)}" has no role_arn`,
  });
  return planProfileProviders(config, name, options.env ?? process.env, options.envDisabled === true, skipped);
}

