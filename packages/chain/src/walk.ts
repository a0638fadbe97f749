import { CredchainError, quoteUntrusted, shouldTryNext, type ChainAttempt, type LookedAt, type ProviderCallOptions } from "@credchain/core/local";
import type { Explanation } from "./explanation.js";
import type { ChainLink } from "./link.js";
import { noCredentialsError } from "./no-credentials.js";

export interface WalkResult extends Explanation {
  /** The link that answered, so later calls (refreshes) go straight to it, as in botocore. */
  winner?: ChainLink;
}

/** An error from outside credchain, wrapped so the chain always fails with a code. */
function asCredchainError(error: unknown, source: string): CredchainError {
  if (CredchainError.isInstance(error)) return error;
  // A custom provider's words, or a library's: quoted like any text credchain did not write.
  const message = quoteUntrusted(error instanceof Error ? error.message : String(error));
  return new CredchainError({ code: "CredentialRetrieval", message: `${source}: ${message}`, cause: error });
}

/**
 * Tries each link in order. "Not here" moves on; any other error stops the walk with that error
 * (a configured-but-broken provider must not be papered over by a later one). Links after the
 * one that decided are listed as not reached, so a trace always names every provider.
 */
export async function walk(links: readonly ChainLink[], options?: ProviderCallOptions): Promise<WalkResult> {
  const attempts: ChainAttempt[] = [];
  const note = (l: ChainLink, outcome: ChainAttempt["outcome"], reason: string, lookedAt?: LookedAt, code?: ChainAttempt["code"]) =>
    attempts.push({ source: l.source, outcome, reason, ...(code && { code }), ...(lookedAt && { lookedAt }) });
  for (const [i, l] of links.entries()) {
    options?.signal?.throwIfAborted();
    let decided: WalkResult;
    try {
      const credentials = await l.provider(options);
      note(l, "used", `found credentials (${credentials.source})`);
      decided = { attempts, credentials, winner: l };
    } catch (error) {
      if (shouldTryNext(error)) {
        const e = error as CredchainError;
        note(l, "skipped", e.message, e.lookedAt);
        continue;
      }
      const e = asCredchainError(error, l.source);
      note(l, "failed", e.message, e.lookedAt, e.code);
      decided = { attempts, error: e };
    }
    for (const r of links.slice(i + 1)) note(r, "skipped", `not reached: ${l.source} decided first`);
    return decided;
  }
  return { attempts, error: noCredentialsError(attempts) };
}
