import { CredchainError } from "@credchain/core";
import type { SdkCredentialIdentity } from "./sdk-credentials.js";
import type { AwsCredentials, ProviderArgs } from "./types.js";

/** Any provider the SDK accepts in a chain: credchain's, the SDK's, or code returning credentials. */
export type ChainableProvider<T> = (props?: ProviderArgs) => Promise<T>;

/** The SDK's `CustomCredentialChainOptions`: what a chain made by {@link createCredentialChain} can be told. */
export interface CustomCredentialChainOptions<T extends SdkCredentialIdentity = AwsCredentials> {
  /**
   * Credentials without an `expiration` get one this many milliseconds after they are made, so an
   * SDK client asks the chain again then. At least five minutes.
   */
  expireAfter(milliseconds: number): AwsCredentialChain<T>;
}

/** A provider made by {@link createCredentialChain}. */
export type AwsCredentialChain<T extends SdkCredentialIdentity = AwsCredentials> = ChainableProvider<T> & CustomCredentialChainOptions<T>;

const FIVE_MINUTES_MS = 5 * 60_000;

/**
 * The AWS SDK's `propertyProviderChain`: tries each provider in order with the caller's
 * argument; one that fails with `tryNextLink` set (credchain's "not here", the SDK's
 * `CredentialsProviderError`) passes to the next, any other failure stops the chain, and when all
 * pass, the last failure is thrown. No providers: `InvalidConfig`. Nothing is cached: every call
 * walks the chain (an SDK client caches what it gets).
 *
 * @example
 * ```ts
 * import { fromEnv, fromIni, propertyProviderChain } from "@credchain/credential-providers";
 *
 * const credentials = propertyProviderChain(fromEnv(), fromIni({ profile: "dev" }));
 * ```
 */
export function propertyProviderChain<T>(...providers: ChainableProvider<T>[]): ChainableProvider<T> {
  return async (props) => {
    if (providers.length === 0) throw new CredchainError({ code: "InvalidConfig", message: "propertyProviderChain: no providers in the chain" });
    let last: unknown;
    for (const provider of providers) {
      try {
        return await provider(props);
      } catch (error) {
        last = error;
        if ((error as { tryNextLink?: unknown } | null)?.tryNextLink) continue;
        throw error;
      }
    }
    throw last;
  };
}

/**
 * The AWS SDK's `createCredentialChain`: {@link propertyProviderChain} over the providers, with
 * `.expireAfter(ms)` to give credentials that have no expiration one (five minutes at least;
 * less is `InvalidConfig`, where the SDK throws a plain Error). Credentials stay redacted and keep
 * their `source`.
 *
 * @example
 * ```ts
 * import { STSClient } from "@aws-sdk/client-sts";
 * import { createCredentialChain, fromEnv, fromIni } from "@credchain/credential-providers";
 *
 * const client = new STSClient({ credentials: createCredentialChain(fromEnv(), fromIni()).expireAfter(15 * 60_000) });
 * ```
 */
export function createCredentialChain<T extends SdkCredentialIdentity = AwsCredentials>(...providers: ChainableProvider<T>[]): AwsCredentialChain<T> {
  let expireAfterMs: number | undefined;
  const chain = propertyProviderChain(...providers);
  const provider = async (props?: ProviderArgs): Promise<T> => {
    const credentials = await chain(props);
    if (expireAfterMs === undefined || credentials.expiration) return credentials;
    return withExpiration(credentials, new Date(Date.now() + expireAfterMs));
  };
  return Object.assign(provider, {
    expireAfter(milliseconds: number): AwsCredentialChain<T> {
      if (!(milliseconds >= FIVE_MINUTES_MS)) {
        throw new CredchainError({ code: "InvalidConfig", message: `createCredentialChain(...).expireAfter(ms) needs at least five minutes (${FIVE_MINUTES_MS} ms), not ${milliseconds}` });
      }
      expireAfterMs = milliseconds;
      return provider as AwsCredentialChain<T>;
    },
  });
}

/** A copy with an expiration, on the same prototype: credchain's credentials stay redacted, every other field is kept. */
function withExpiration<T extends object>(credentials: T, expiration: Date): T {
  return Object.assign(Object.create(Object.getPrototypeOf(credentials) as object) as T, credentials, { expiration });
}
