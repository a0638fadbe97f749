import {
  CREDENTIAL_SOURCES,
  CredchainError,
  notFound,
  resolveSetting,
  type CredentialProvider,
  type Credentials,
  type CredentialSource,
  type LookedAt,
  type ProviderCallOptions,
  type ProviderContextInit,
} from "@credchain/core/local";
import { EC2_METADATA_SERVICE_ENDPOINT, EC2_METADATA_SERVICE_ENDPOINT_MODE, METADATA_SERVICE_NUM_ATTEMPTS, METADATA_SERVICE_TIMEOUT, resolveLocalContext, selectProfile, showName, USED_DETAIL } from "@credchain/core/internal";
import type { ContainerMetadataInit } from "@credchain/provider-container";
import { fromEnv } from "@credchain/provider-env";
import type { CredentialPlan } from "@credchain/provider-ini";
import { getScopedProfile, loadSharedConfig, profileSettings, type SharedConfigInit } from "@credchain/provider-ini/shared-config";
import { withRefresh, type WithRefreshOptions } from "@credchain/refresh-manager";
import type { ChainProvider } from "./chain.js";
import { credentialSourceProvider, loadImds } from "./credential-source.js";
import { fromExplicit, type ExplicitCredentials } from "./explicit.js";
import type { Explanation } from "./explanation.js";
import { link, type ChainLink } from "./link.js";
import { lazy } from "./lazy.js";
import type { ChainContext, ImdsChainOptions, MfaCodeProvider, ProcessChainOptions, RoleOptions, Session } from "./session.js";
import { walk } from "./walk.js";

/** Options of {@link defaultChain} and {@link profileChain}: the files' options, plus the `transport` the providers that call endpoints (STS, SSO, container, IMDS) use. */
export interface DefaultChainOptions extends SharedConfigInit, Pick<ProviderContextInit, "transport"> {
  /**
   * The profile, as `boto3.Session(profile_name=…)`: it must exist, and it drops the `env`
   * provider. Default: AWS_DEFAULT_PROFILE, else AWS_PROFILE (which keep `env`), else `default`.
   */
  profile?: string;
  /** Keys from code: they win over everything (source `explicit`). */
  credentials?: ExplicitCredentials;
  /** Refresh windows and hooks for expiring credentials, or `false` for no caching at all. */
  refresh?: WithRefreshOptions | false;
  /** The credential helper a profile runs: timeout and output cap. */
  process?: ProcessChainOptions;
  /** Container endpoint: timeout and attempts. */
  container?: Omit<ContainerMetadataInit, keyof ProviderContextInit>;
  /** Instance metadata: overrides of what env and the profile say. */
  imds?: ImdsChainOptions;
  /** Supplies the MFA code for roles with an MFA serial. Default: none (they fail clearly). */
  mfaCode?: MfaCodeProvider;
  /** STS client settings for role profiles: attempts, timeout, endpoint, region, and the calls in code (`assumeRole`, `assumeRoleWithWebIdentity`). */
  sts?: RoleOptions["sts"];
  /** `"memory"` (default, as boto3), `"file"` (~/.aws/cli/cache, shared with the AWS CLI) or `{ dir }`. */
  roleCache?: RoleOptions["cache"];
}

export type DefaultChainProvider = ChainProvider & { dispose(): void };

interface Setup {
  profile: NonNullable<Explanation["profile"]>;
  plan(): Promise<CredentialPlan>;
  links: ChainLink[];
}

/**
 * botocore's profile providers, assume-role to the config file in the chain's order: the links a
 * plan fills. Defined here and imported by the plan's chunk (plan-providers.ts), so a split bundle
 * keeps this file and what it imports in the chunk the two share, not in one more chunk.
 */
export const PROFILE_METHODS: readonly CredentialSource[] = CREDENTIAL_SOURCES.slice(CREDENTIAL_SOURCES.indexOf("assume-role"), CREDENTIAL_SOURCES.indexOf("config-file") + 1);

// Loaded when the walk first reaches what they hold (each named once, so a bundle names each chunk once).
const loadPlan = () => import("./load-plan.js");
const loadBotoCfg = () => import("./load-boto-cfg.js");

// Only settings botocore converts (and can refuse) need checking up front; the on/off switches do not.
const IMDS_CHECKED = [METADATA_SERVICE_TIMEOUT, METADATA_SERVICE_NUM_ATTEMPTS, EC2_METADATA_SERVICE_ENDPOINT, EC2_METADATA_SERVICE_ENDPOINT_MODE];

/**
 * Reads both files once, plans the selected profile and lays out botocore's providers around it;
 * with `profileOnly`, the profile's providers alone, planned without env ({@link profileChain}).
 */
async function setup(options: DefaultChainOptions, ctx: ChainContext, profileOnly?: boolean): Promise<Setup> {
  const init = { ...options, ...ctx };
  const config = await loadSharedConfig(init);
  const selected = selectProfile({ profile: options.profile, env: ctx.env });
  // boto3 raises ProfileNotFound (and ConfigParse) when the Session is made: before any provider.
  getScopedProfile(config, selected);
  const name = selected.name;
  const explicitProfile = options.profile !== undefined;
  const settings = profileSettings(config, name);
  const imds = { ...options.imds, profileSettings: settings };
  // botocore builds its IMDS fetcher with the Session: bad settings fail before any provider runs.
  const sources = { env: ctx.env, profile: settings, source: "iam-role" as const };
  if (Object.keys(options.imds ?? {}).length > 0 || IMDS_CHECKED.some((s) => resolveSetting<unknown>(s, sources).from !== "default")) {
    (await loadImds()).resolveImdsSettings(ctx.env, imds);
  }
  const session: Session = {
    ctx,
    config,
    settings,
    process: options.process,
    container: options.container,
    imds,
    roles: options,
  };
  const profile = { name, from: selected.from };
  if (profileOnly) {
    // The profile alone: planned now, without env web identity.
    const { planProfile, profileLinks } = await loadPlan();
    const plan = planProfile(config, name, { env: ctx.env, envDisabled: true });
    return { profile, plan: async () => plan, links: profileLinks(plan, session) };
  }
  const links: ChainLink[] = [];
  if (options.credentials) links.push(link("explicit", fromExplicit(options.credentials)));
  // An explicitly chosen profile removes env from the chain, as boto3.Session(profile_name=…).
  links.push(link("env", explicitProfile ? envDropped(name) : fromEnv(init)));
  // The profile's providers, as its plan says (env web identity ignored for a profile chosen in code).
  // Planned when the walk first reaches them (or explain asks): planning reads nothing and carries
  // its errors to the provider that raises them, so no outcome moves, and a resolution env answers
  // does not pay for it (a cold start from env, ~0.5 ms), nor loads the planning's code.
  let planned: { plan: CredentialPlan; links: ChainLink[] } | undefined;
  const byPlan = async () => {
    const { planProfile, profileLinks } = await loadPlan();
    if (!planned) {
      const plan = planProfile(config, name, { env: ctx.env, envDisabled: explicitProfile });
      planned = { plan, links: profileLinks(plan, session) };
    }
    return planned;
  };
  links.push(
    ...PROFILE_METHODS.map((method, i) => link(method, async (call) => (await byPlan()).links[i]!.provider(call))),
    link("ec2-credentials-file", lazy(async () => (await loadBotoCfg()).fromEc2CredentialsFile(init))),
    link("boto-config", lazy(async () => (await loadBotoCfg()).fromBotoConfig(init))),
    // The same providers as the credential sources of these names (botocore's ContainerProvider and InstanceMetadataProvider).
    link("container-role", credentialSourceProvider("EcsContainer", { ...init, container: options.container })),
    link("iam-role", credentialSourceProvider("Ec2InstanceMetadata", { ...init, imds })),
  );
  return { profile, plan: async () => (await byPlan()).plan, links };
}

/** botocore's RuntimeError: credentials that are expired the moment they arrive are refused. */
function notExpired(credentials: Credentials, now: number): Credentials {
  const exp = credentials.expiration?.getTime();
  if (exp === undefined || exp > now) return credentials;
  throw new CredchainError({
    code: "CredentialRetrieval",
    source: credentials.source,
    message: `credentials from ${credentials.source} are already expired (expiration ${credentials.expiration?.toISOString()})`,
  });
}

/** Stands in for env when a profile was chosen explicitly, so explain says why env was not read. */
function envDropped(name: string): CredentialProvider {
  return async () => {
    throw notFound("env", `not read: profile "${showName(name)}" was chosen explicitly, and boto3.Session(profile_name=…) ignores env credentials`);
  };
}

function setupFailure(error: unknown): CredchainError {
  if (CredchainError.isInstance(error)) return error;
  return new CredchainError({ code: "ConfigParse", message: `Unable to read the shared config: ${String(error)}`, cause: error });
}

/**
 * The credential chain of `boto3.Session(profile_name=…).get_credentials()`, in botocore 1.43's
 * order (see the package README). Expiring credentials are refreshed before they expire; later
 * calls return the cached credentials. `explain()` walks every provider afresh and says what each
 * did, without secrets.
 *
 * @example
 * ```ts
 * import { defaultChain } from "@credchain/chain";
 *
 * const credentials = defaultChain({ profile: "dev" });
 * const { accessKeyId, source } = await credentials();
 * ```
 */
export function defaultChain(options?: DefaultChainOptions): DefaultChainProvider;
// With `profileOnly`: the profile's providers alone, for profileChain (one implementation, no wrapper in bundles).
export function defaultChain(options: DefaultChainOptions = {}, profileOnly?: boolean): DefaultChainProvider {
  // No transport made here: without one given, each provider that calls an endpoint makes its
  // own default when it is first reached, so the transport's code loads with those providers.
  const ctx: ChainContext = { ...resolveLocalContext(options), transport: options.transport };
  let winner: ChainLink | undefined;
  const resolve = async (call?: ProviderCallOptions) => {
    if (winner) return winner.provider(call);
    const { links } = await setup(options, ctx, profileOnly);
    const result = await walk(links, call);
    if (result.error) throw result.error;
    winner = result.winner;
    return result.credentials as Credentials;
  };
  const explain = async (call?: ProviderCallOptions): Promise<Explanation> => {
    let laid: Setup;
    try {
      laid = await setup(options, ctx, profileOnly);
    } catch (error) {
      const e = setupFailure(error);
      const attempt = { source: "shared-config", outcome: "failed" as const, reason: e.message, code: e.code };
      return { attempts: [attempt], error: e };
    }
    const { winner: _, ...explanation } = await walk(laid.links, call);
    // What the provider that answered noted it read (SSO: the token cache file and its expiry).
    const used = (explanation.credentials as { [USED_DETAIL]?: { reason: string; lookedAt: LookedAt } } | undefined)?.[USED_DETAIL];
    const attempt = explanation.attempts.find((a) => a.outcome === "used");
    if (used && attempt) Object.assign(attempt, { reason: `${attempt.reason}: ${used.reason}`, lookedAt: used.lookedAt });
    return { profile: laid.profile, plan: await laid.plan(), ...explanation };
  };
  if (options.refresh === false) {
    // withRefresh refuses expired credentials itself; without it, this does.
    const once = async (call?: ProviderCallOptions) => notExpired(await resolve(call), ctx.now());
    return Object.assign(once, { explain, dispose() {} });
  }
  const refreshing = withRefresh(resolve, { logger: ctx.logger, now: ctx.now, ...options.refresh });
  return Object.assign(refreshing, { explain });
}
