import { cognitoClients, resolveLogins, type CognitoProviderParameters } from "./cognito-settings.js";
import type { CognitoIdentityCredentialProvider } from "./from-cognito-identity.js";

/** Where identity ids are kept between providers (the SDK's `Storage`, a subset of the web's): sync or async. */
export interface Storage {
  getItem(key: string): string | null | Promise<string | null>;
  removeItem(key: string): void | Promise<void>;
  setItem(key: string, data: string): void | Promise<void>;
}

/** The SDK's `FromCognitoIdentityPoolParameters`. */
export interface FromCognitoIdentityPoolParameters extends CognitoProviderParameters {
  /** The identity pool (`<region>:<uuid>`). */
  identityPoolId: string;
  /** The AWS account that owns the pool (12 digits), sent with GetId. */
  accountId?: string | undefined;
  /** Where identity ids are kept. Default: one in-memory store shared by the process's providers, as the SDK's in Node.js. */
  cache?: Storage | undefined;
  /** Whose identity id is kept: an id of your own per user. Default: `ANONYMOUS` without logins, else none (not kept). */
  userIdentifier?: string | undefined;
}

/** The process-wide default store, as the SDK's in-memory storage in Node.js. */
const shared = new Map<string, string>();
const memoryStorage: Storage = {
  getItem: (key) => shared.get(key) ?? null,
  removeItem: (key) => void shared.delete(key),
  setItem: (key, data) => void shared.set(key, data),
};

/**
 * The AWS SDK's `fromCognitoIdentityPool`: an identity from the pool (GetId, once: the id is kept
 * by the provider and in `cache` under `aws:cognito-identity-credentials:<pool>:<user>`, and read
 * from there first), then its credentials (GetCredentialsForIdentity, on every call). Without
 * logins the user is `ANONYMOUS`; with logins and no `userIdentifier` the id is not kept in the
 * cache. A failed call removes the cached id, as in the SDK; when Cognito no longer knows the
 * identity (ResourceNotFoundException) the provider forgets it too and asks GetId again on the
 * next call (the SDK keeps asking for the deleted identity).
 *
 * @example
 * ```ts
 * import { fromCognitoIdentityPool } from "@credchain/credential-providers";
 *
 * const credentials = fromCognitoIdentityPool({ identityPoolId: "us-east-1:…", logins: { "accounts.google.com": async () => idToken } });
 * ```
 */
export function fromCognitoIdentityPool(parameters: FromCognitoIdentityPoolParameters): CognitoIdentityCredentialProvider {
  const { identityPoolId, logins, cache = memoryStorage } = parameters;
  const userIdentifier = parameters.userIdentifier ?? (!logins || Object.keys(logins).length === 0 ? "ANONYMOUS" : undefined);
  const cacheKey = userIdentifier === undefined ? undefined : `aws:cognito-identity-credentials:${identityPoolId}:${userIdentifier}`;
  const clientFor = cognitoClients("fromCognitoIdentityPool", parameters);
  // Cache failures never fail a resolution, as in the SDK.
  const quietly = (work: () => unknown) => void Promise.resolve().then(work).catch(() => {});
  let identityId: string | undefined;
  return async (props) => {
    try {
      const client = await clientFor(props);
      const resolved = await resolveLogins(logins);
      if (identityId === undefined) {
        const cached = cacheKey === undefined ? null : await cache.getItem(cacheKey);
        identityId = cached || (await client.getId({ IdentityPoolId: identityPoolId, AccountId: parameters.accountId, Logins: resolved }, props?.signal));
        if (!cached && cacheKey !== undefined) quietly(() => cache.setItem(cacheKey, identityId!));
      }
      return await client.getCredentialsForIdentity({ IdentityId: identityId, CustomRoleArn: parameters.customRoleArn, Logins: resolved }, props?.signal);
    } catch (error) {
      if (cacheKey !== undefined) quietly(() => cache.removeItem(cacheKey));
      if ((error as { cause?: { name?: unknown } }).cause?.name === "ResourceNotFoundException") identityId = undefined;
      throw error;
    }
  };
}
