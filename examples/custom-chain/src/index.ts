import { realpathSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CredchainError, maskAccessKeyId, type ChainAttempt, type Env } from "@credchain/core";
import { makeExampleHome } from "./example-home.js";
import { myChain } from "./my-chain.js";
import { startVaultServer } from "./vault-server.js";

export { fromVault, type VaultInit } from "./vault-provider.js";
export { myChain, type MyChain } from "./my-chain.js";
export { startVaultServer, type VaultServer } from "./vault-server.js";

/** One run of the chain: its explain trace and what a call returned. */
export interface ScenarioResult {
  title: string;
  attempts: ChainAttempt[];
  /** Which link answered, the credentials' `source`, and the key masked. */
  resolved?: { link: string; source: string; accessKeyId: string; expires: boolean };
  /** The error a call rejected with (the chain stopped). */
  error?: { code: string; message: string };
}

export interface Summary {
  scenarios: ScenarioResult[];
  /** Vault leases taken by two calls of one chain (1: the second was served from the cache). */
  vaultLeasesForTwoCalls: number;
  /** ...and after a `forceRefresh` call (2). */
  vaultLeasesAfterForceRefresh: number;
}

/**
 * Runs the custom chain (env → vault → ~/.aws/credentials [app] → credential_process) in four
 * set-ups inside a throwaway HOME, printing each `explain()` trace and the outcome. Only the
 * environment built here is read: nothing from the shell, not the real HOME.
 *
 * @example
 * ```ts
 * const summary = await main({ log: () => {} });
 * console.log(summary.scenarios.map((s) => s.resolved?.source ?? s.error?.code));
 * ```
 */
export async function main(options: { log?: (line: string) => void } = {}): Promise<Summary> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { home, processCommand } = await makeExampleHome();
  const vault = await startVaultServer({ token: "example-vault-token" });
  // The whole environment the providers see. PATH only so a credential_process could find tools.
  const base: Env = { HOME: home, PATH: process.env.PATH ?? "" };
  const scenarios: ScenarioResult[] = [];

  const run = async (title: string, env: Env) => {
    const credentials = myChain({ env, processCommand });
    const trace = await credentials.explain();
    const result: ScenarioResult = { title, attempts: trace.attempts };
    try {
      const c = await credentials();
      result.resolved = { link: trace.attempts.find((a) => a.outcome === "used")?.source ?? "?", source: c.source, accessKeyId: maskAccessKeyId(c.accessKeyId), expires: c.expiration !== undefined };
    } catch (e) {
      result.error = CredchainError.isInstance(e) ? { code: e.code, message: e.message } : { code: "Unknown", message: String(e) };
    }
    credentials.dispose();
    scenarios.push(result);
    print(log, scenarios.length, result);
  };

  try {
    log(`credchain custom chain — env → vault → ~/.aws/credentials [app] → credential_process, in a temp HOME at ${home}`);

    await run("Only ~/.aws/credentials has profile app", base);

    const withVault = { ...base, VAULT_ADDR: vault.url, VAULT_TOKEN: vault.token };
    await run("Vault configured (VAULT_ADDR, VAULT_TOKEN): it comes before the file", withVault);

    // The cache: a second call is served without a new lease; forceRefresh takes one.
    const credentials = myChain({ env: withVault, processCommand });
    const before = vault.leases;
    await credentials();
    await credentials();
    const vaultLeasesForTwoCalls = vault.leases - before;
    await credentials({ forceRefresh: true });
    const vaultLeasesAfterForceRefresh = vault.leases - before;
    credentials.dispose();
    log(`   cache: two calls took ${vaultLeasesForTwoCalls} lease; forceRefresh took another (${vaultLeasesAfterForceRefresh} in all)`);

    await run("Vault configured with a wrong token: the chain stops there, the file is not used", { ...withVault, VAULT_TOKEN: "wrong-token" });

    await run("No credentials file: the credential_process helper answers", { ...base, AWS_SHARED_CREDENTIALS_FILE: join(home, "no-such-file") });

    return { scenarios, vaultLeasesForTwoCalls, vaultLeasesAfterForceRefresh };
  } finally {
    await vault.close();
    await rm(home, { recursive: true, force: true });
  }
}

function print(log: (line: string) => void, n: number, r: ScenarioResult) {
  log(`\n${n}. ${r.title}`);
  const width = Math.max(...r.attempts.map((a) => a.source.length));
  for (const [i, a] of r.attempts.entries()) {
    log(`   ${i + 1}. ${a.source.padEnd(width)}  ${a.outcome.padEnd(7)}  ${a.code ? `[${a.code}] ` : ""}${a.reason}`);
  }
  if (r.resolved) {
    log(`   → ${r.resolved.link} (source "${r.resolved.source}"), access key ${r.resolved.accessKeyId}, ${r.resolved.expires ? "expires (refreshed before it does)" : "no expiry"}`);
  } else if (r.error) {
    log(`   → error ${r.error.code}: ${r.error.message}`);
  }
}

// `node dist/index.js`
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await main();
}
