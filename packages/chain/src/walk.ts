import { CredchainError, quoteUntrusted, shouldTryNext, USED_DETAIL, type ChainAttempt, type LookedAt, type ProviderCallOptions } from "@credchain/core";
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
  const rest = (from: number, by: string) => {
    for (const l of links.slice(from)) attempts.push({ source: l.source, outcome: "skipped", reason: `not reached: ${by} decided first` });
  };
  for (const [i, l] of links.entries()) {
    options?.signal?.throwIfAborted();
    try {
      const credentials = await l.provider(options);
      const used = (credentials as { [USED_DETAIL]?: { reason?: string; lookedAt?: LookedAt } })[USED_DETAIL];
      attempts.push({
        source: l.source,
        outcome: "used",
        reason: `found credentials (${credentials.source})${used?.reason ? `: ${used.reason}` : ""}`,
        ...(used?.lookedAt && { lookedAt: used.lookedAt }),
      });
      rest(i + 1, l.source);
      return { attempts, credentials, winner: l };
    } catch (error) {
      if (shouldTryNext(error)) {
        const e = error as CredchainError;
        attempts.push({ source: l.source, outcome: "skipped", reason: e.message, ...(e.lookedAt && { lookedAt: e.lookedAt }) });
        continue;
      }
      const e = asCredchainError(error, l.source);
      attempts.push({
        source: l.source,
        outcome: "failed",
        reason: e.message,
        code: e.code,
        ...(e.lookedAt && { lookedAt: e.lookedAt }),
      });
      rest(i + 1, l.source);
      return { attempts, error: e };
    }
  }
  return { attempts, error: noCredentialsError(attempts) };
}
