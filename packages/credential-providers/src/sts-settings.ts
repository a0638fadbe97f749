import { CredchainError } from "@credchain/core";
import type { StsClientInit } from "@credchain/provider-sts";
import { DEFAULT_STS_REGION } from "./chain-options.js";
import { explicitProfile, explicitRegion, valueOf, type ClientSettings } from "./client-config.js";
import type { ProfileLoader } from "./profile-layer.js";
import type { CredentialProviderOptions, ProviderArgs } from "./types.js";

/** What an STS provider's client needs for one call, as the SDK resolves it. */
export type StsCallSettings = Pick<
  StsClientInit,
  "region" | "defaultRegion" | "profileSettings" | "maxAttempts" | "endpointUrl" | "useFipsEndpoint" | "useDualstackEndpoint"
>;

/**
 * The STS client settings of a standalone STS provider for one call, as the SDK resolves them:
 * the region from `clientConfig.region`, the outer or calling client, else (credchain's
 * resolver) AWS_REGION, AWS_DEFAULT_REGION, the profile's `region`, else us-east-1 — never the
 * global endpoint; the profile is `clientConfig.profile`, the calling client's, else the one
 * env selects; endpoints, FIPS, dual-stack and attempts from `clientConfig`, env and the profile.
 *
 * @example
 * ```ts
 * const settings = await stsCallSettings("fromWebToken", init, clientSettings("fromWebToken", init.clientConfig), props, load);
 * createStsClient({ ...ctx, ...settings });
 * ```
 */
export async function stsCallSettings(
  fn: string,
  init: CredentialProviderOptions,
  client: ClientSettings,
  props: ProviderArgs | undefined,
  load: ProfileLoader,
): Promise<StsCallSettings> {
  const maxAttempts = await valueOf(client.maxAttempts);
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    throw new CredchainError({ code: "InvalidConfig", key: "clientConfig.maxAttempts", message: `${fn}: clientConfig.maxAttempts must be a whole number of at least 1, not ${String(maxAttempts)}` });
  }
  const { settings } = await load(explicitProfile(client, init, props));
  return {
    region: await explicitRegion(client, init, props),
    defaultRegion: DEFAULT_STS_REGION,
    profileSettings: settings,
    maxAttempts,
    endpointUrl: client.endpointUrl,
    useFipsEndpoint: client.useFipsEndpoint,
    useDualstackEndpoint: client.useDualstackEndpoint,
  };
}

/**
 * One value per distinct key, made on first use: a provider keeps one STS client per region it
 * is asked for (the SDK keeps the first), so a session name and its cache stay put.
 */
export function memoByKey<T>(): (key: string, make: () => T) => T {
  const made = new Map<string, T>();
  return (key, make) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = make()));
    return value;
  };
}

/** The key of an STS call's settings: what changes the endpoint or the profile layer. */
export function settingsKey(s: StsCallSettings): string {
  return [s.region, s.profileSettings?.name, s.maxAttempts, s.endpointUrl, s.useFipsEndpoint, s.useDualstackEndpoint].join("\n");
}
