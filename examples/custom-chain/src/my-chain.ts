import { chain, link, type ChainProvider } from "@credchain/chain/compose";
import type { Env } from "@credchain/core";
import { fromEnv } from "@credchain/provider-env";
import { fromSharedCredentialsFile } from "@credchain/provider-ini";
import { fromProcess } from "@credchain/provider-process";
import { withRefresh, type RefreshingProvider } from "@credchain/refresh-manager";
import { fromVault } from "./vault-provider.js";

/** A cached, refreshing provider that can still explain how it resolves. */
export type MyChain = RefreshingProvider & Pick<ChainProvider, "explain">;

/**
 * The application's own chain: env first (an operator's override), then the vault, then profile
 * `app` of ~/.aws/credentials, then a credential_process helper. Every provider reads the `env`
 * given here and nothing else — no `process.env`, no real HOME.
 *
 * @example
 * ```ts
 * const credentials = myChain({ env: { HOME: "/tmp/h", VAULT_ADDR: "http://127.0.0.1:8200", VAULT_TOKEN: "…" } });
 * const { source } = await credentials();
 * for (const a of (await credentials.explain()).attempts) console.log(a.source, a.outcome, a.reason);
 * ```
 */
export function myChain(options: { env: Env; processCommand?: string }): MyChain {
  const { env } = options;
  const resolver = chain(
    link("env", fromEnv({ env })),
    link("vault", fromVault({ env, role: "app" })),
    link("shared-credentials-file", fromSharedCredentialsFile({ env, profile: "app" })),
    link("custom-process", fromProcess({ env, command: options.processCommand, profile: "app" })),
  );
  // chain() itself does not cache; withRefresh keeps the answer and renews expiring ones
  // (vault leases, credential_process output with an Expiration) before they run out.
  return Object.assign(withRefresh(resolver), { explain: resolver.explain });
}
