import { CredchainError } from "@credchain/core";
import type { DefaultChainOptions } from "@credchain/chain";
import { clientSettings, explicitRegion, refuseSet, valueOf, type ClientSettings } from "./client-config.js";
import { assumeRoleHook, mfaCodeHook, webIdentityHook, type MfaCodeProvider, type RoleAssumer, type RoleAssumerWithWebIdentity } from "./role-assumers.js";
import type { ClientConfig, CredentialProviderOptions, ProviderArgs, SharedFileOptions } from "./types.js";

/** The region of STS calls when nothing names one: the SDK's regional us-east-1, never botocore's global endpoint. */
export const DEFAULT_STS_REGION = "us-east-1";

/** The SDK's `FromIniInit`: the shared files, MFA, role assumers and the inner clients' config. */
export interface FromIniInit extends CredentialProviderOptions, SharedFileOptions {
  /** Asked for the MFA code of a role profile with `mfa_serial`. Without it such a profile fails with `InvalidConfig`. */
  mfaCodeProvider?: MfaCodeProvider | undefined;
  /** Assumes roles in code instead of credchain's STS client: `(sourceCreds, params) => credentials`. */
  roleAssumer?: RoleAssumer | undefined;
  /** Assumes web identity roles in code instead of credchain's STS client. */
  roleAssumerWithWebIdentity?: RoleAssumerWithWebIdentity | undefined;
  /** The STS client's settings (region, maxAttempts, endpoint, FIPS, dual-stack); other keys are refused. */
  clientConfig?: ClientConfig | undefined;
  /** Refused: credchain's clients have no middleware stack. */
  clientPlugins?: unknown[] | undefined;
}

/** SDK options credchain's chains have no meaning for. */
const NO_PLUGINS = { clientPlugins: "credchain's clients have no middleware stack to plug into" };

/**
 * Checks an SDK `fromIni` / `fromNodeProviderChain` init when the provider is made: options
 * credchain has no meaning for are refused then, not at the first call.
 *
 * @example
 * ```ts
 * const client = checkChainInit("fromIni", init);
 * ```
 */
export function checkChainInit(fn: string, init: FromIniInit): ClientSettings {
  refuseSet(fn, init, NO_PLUGINS);
  const client = clientSettings(fn, init.clientConfig);
  const { maxAttempts } = client;
  if (maxAttempts !== undefined && typeof maxAttempts !== "function" && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    throw new CredchainError({ code: "InvalidConfig", key: "clientConfig.maxAttempts", message: `${fn}: clientConfig.maxAttempts must be a whole number of at least 1, not ${String(maxAttempts)}` });
  }
  return client;
}

/**
 * The chain options an SDK `fromIni` / `fromNodeProviderChain` init means for one call: the
 * files, the profile (the init's, else the calling client's), MFA, the role assumers as STS
 * hooks, and the STS region as the SDK resolves it — `clientConfig.region`, the outer or calling
 * client's region, then env and the profile (credchain's resolver), then us-east-1.
 *
 * @example
 * ```ts
 * const options = await chainOptions(init, checkChainInit("fromIni", init), props);
 * const provider = profileChain(options);
 * ```
 */
export async function chainOptions(init: FromIniInit, client: ClientSettings, props: ProviderArgs | undefined): Promise<DefaultChainOptions> {
  const profile = init.profile ?? props?.callerClientConfig?.profile;
  return {
    env: init.env,
    homedir: init.homedir,
    readFile: init.readFile,
    now: init.now,
    transport: init.transport,
    logger: init.logger ?? client.logger,
    ...(profile !== undefined && { profile }),
    configFile: init.configFilepath,
    credentialsFile: init.filepath,
    ...(init.mfaCodeProvider && { mfaCode: mfaCodeHook(init.mfaCodeProvider) }),
    sts: {
      region: await explicitRegion(client, init, props),
      defaultRegion: DEFAULT_STS_REGION,
      maxAttempts: await valueOf(client.maxAttempts),
      endpointUrl: client.endpointUrl,
      useFipsEndpoint: client.useFipsEndpoint,
      useDualstackEndpoint: client.useDualstackEndpoint,
      ...(init.roleAssumer && { assumeRole: assumeRoleHook(init.roleAssumer) }),
      ...(init.roleAssumerWithWebIdentity && { assumeRoleWithWebIdentity: webIdentityHook(init.roleAssumerWithWebIdentity) }),
    },
  };
}

/**
 * A chain per distinct call settings (the calling client's region and profile), made on first
 * use and kept; with `ignoreCache`, a new chain (the files read again) on every call.
 */
export function chainsByCall<T>(ignoreCache: boolean | undefined, make: (options: DefaultChainOptions) => T): (options: DefaultChainOptions) => T {
  const made = new Map<string, T>();
  return (options) => {
    if (ignoreCache) return make(options);
    const key = `${options.profile ?? ""}\n${options.sts?.region ?? ""}`;
    let chain = made.get(key);
    if (chain === undefined) made.set(key, (chain = make(options)));
    return chain;
  };
}
