import type { CredentialProvider } from "@credchain/core";
import { withRefresh, type WithRefreshOptions } from "@credchain/refresh-manager";
import { usableCredentials } from "./validate-request.js";

// One cache per provider function, so separate signers (and one-shot signRequest calls) over the
// same provider share its cached credentials instead of each fetching their own.
const wrapped = new WeakMap<CredentialProvider, CredentialProvider>();

/** The provider, with what it resolves checked before anything caches or signs with it. */
const checked =
  (provider: CredentialProvider): CredentialProvider =>
  async (options) =>
    usableCredentials(await provider(options));

/**
 * The provider behind a signer: wrapped in `withRefresh` unless `refresh` is `false` or it already
 * caches (a provider with `dispose()`, as `withRefresh` and `defaultChain` return).
 */
export function refreshingProvider(provider: CredentialProvider, refresh: WithRefreshOptions | false | undefined): CredentialProvider {
  if (refresh === false || typeof (provider as { dispose?: unknown }).dispose === "function") return checked(provider);
  if (refresh !== undefined) return withRefresh(checked(provider), refresh);
  let cached = wrapped.get(provider);
  if (!cached) wrapped.set(provider, (cached = withRefresh(checked(provider))));
  return cached;
}
