import type { CredentialProvider } from "@credchain/core";
import { withRefresh, type WithRefreshOptions } from "@credchain/refresh-manager";

// One cache per provider function, so separate signers (and one-shot signRequest calls) over the
// same provider share its cached credentials instead of each fetching their own.
const wrapped = new WeakMap<CredentialProvider, CredentialProvider>();

/**
 * The provider behind a signer: wrapped in `withRefresh` unless `refresh` is `false` or it already
 * caches (a provider with `dispose()`, as `withRefresh` and `defaultChain` return).
 */
export function refreshingProvider(provider: CredentialProvider, refresh: WithRefreshOptions | false | undefined): CredentialProvider {
  if (refresh === false || typeof (provider as { dispose?: unknown }).dispose === "function") return provider;
  if (refresh !== undefined) return withRefresh(provider, refresh);
  let cached = wrapped.get(provider);
  if (!cached) wrapped.set(provider, (cached = withRefresh(provider)));
  return cached;
}
