import type { CredentialProvider, ProviderCallOptions } from "@credchain/core/local";
import type { Explanation } from "./explanation.js";
import { toLink, type ChainLink } from "./link.js";
import { walk } from "./walk.js";

/** A provider that can also say how it resolves, provider by provider. */
export type ChainProvider = CredentialProvider & {
  /** Resolves afresh through every provider and reports each outcome. Never rejects. */
  explain(options?: ProviderCallOptions): Promise<Explanation>;
};

/**
 * Tries providers in order: the first to answer wins; "not here" (a `NoCredentials` error with
 * `tryNextLink`) moves on; any other error stops the chain with that error, as botocore does.
 * Once one provider has answered, later calls (refreshes) go straight to it, as botocore's
 * refreshable credentials keep the provider that made them. When none answers, the
 * `NoCredentials` error lists what each provider looked at.
 *
 * No caching here: wrap with `withRefresh` (from `@credchain/refresh-manager`) for that.
 *
 * @example
 * ```ts
 * import { chain, link } from "@credchain/chain";
 * import { fromEnv } from "@credchain/provider-env";
 * import { fromSharedCredentialsFile } from "@credchain/provider-ini";
 *
 * const credentials = chain(link("env", fromEnv()), link("file", fromSharedCredentialsFile({ profile: "dev" })));
 * const trace = await credentials.explain();
 * for (const a of trace.attempts) console.log(a.source, a.outcome, a.reason);
 * ```
 */
export function chain(...providers: (CredentialProvider | ChainLink)[]): ChainProvider {
  const links = providers.map(toLink);
  let winner: ChainLink | undefined;
  const resolve = async (options?: ProviderCallOptions) => {
    if (winner) return winner.provider(options);
    const result = await walk(links, options);
    if (result.error) throw result.error;
    winner = result.winner;
    return result.credentials as NonNullable<typeof result.credentials>;
  };
  const explain = async (options?: ProviderCallOptions): Promise<Explanation> => {
    const { winner: _, ...explanation } = await walk(links, options);
    return explanation;
  };
  return Object.assign(resolve, { explain });
}
