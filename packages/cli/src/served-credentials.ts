import { CredchainError, type CredentialProvider, type Credentials } from "@credchain/core";
import { withRefresh, type RefreshingProvider, type WithRefreshOptions } from "@credchain/refresh-manager";
import type { CliIo } from "./io.js";
import { intOption, stringOption, type ParsedArgs } from "./parse-args.js";
import { getSessionToken } from "./sts-for-cli.js";

/** The session `serve` trades long-term keys for, unless --duration-seconds says otherwise: aws-vault's default. */
export const SERVED_SESSION_SECONDS = 3600;

export interface ServedCredentialsOptions {
  /** Serve long-term keys themselves (clients get no Expiration) instead of a session. Default: false. */
  longTermKeys?: boolean;
  /** A session signed with the long-term keys `keys` resolves: STS GetSessionToken. */
  session: (keys: CredentialProvider) => Promise<Credentials>;
  /** The session cache's options (tests inject a clock). */
  refresh?: WithRefreshOptions;
}

// Renewed before clients want it: botocore refreshes 15 minutes before Expiration, so the server
// has a fresh session by 20 (a third of a shorter session's life), on a timer.
const SESSION_REFRESH: WithRefreshOptions = {
  background: true,
  advisoryWindowMs: (lifetime) => Math.min(20 * 60_000, lifetime / 3),
  mandatoryWindowMs: (lifetime) => Math.min(16 * 60_000, lifetime / 4),
};

/**
 * What a credentials server hands out: the chain's credentials when they are a session; for
 * long-term keys (no session token), a session from `session` (GetSessionToken), renewed before
 * it expires, never the keys dressed up with an expiry of our own. With `longTermKeys`, the keys
 * as they are.
 *
 * @example
 * ```ts
 * const served = servedCredentials(defaultChain(), { session: (keys) => getSessionToken(io, undefined, keys, {}) });
 * const { sessionToken, expiration } = await served();
 * ```
 */
export function servedCredentials(chain: CredentialProvider, options: ServedCredentialsOptions): RefreshingProvider {
  return withRefresh(
    async (callOptions) => {
      const c = await chain(callOptions);
      if (c.sessionToken !== undefined || options.longTermKeys) return c;
      try {
        return await options.session(async () => c);
      } catch (error) {
        const code = CredchainError.isInstance(error) ? error.code : "CredentialRetrieval";
        const reason = error instanceof Error ? error.message : String(error);
        throw new CredchainError({
          code,
          message: `the credentials are long-term keys, which are served as a session from STS GetSessionToken, and that failed: ${reason} (--long-term-keys serves the keys themselves)`,
          source: c.source,
          cause: error,
        });
      }
    },
    { ...SESSION_REFRESH, ...options.refresh },
  );
}

/** `servedCredentials` as `serve` and `exec --server` configure it from --profile, --duration-seconds and --long-term-keys. */
export function servedFromArgs(chain: CredentialProvider, args: ParsedArgs, io: CliIo): RefreshingProvider {
  const durationSeconds = intOption(args, "duration-seconds") ?? SERVED_SESSION_SECONDS;
  return servedCredentials(chain, {
    longTermKeys: args.options["long-term-keys"] === true,
    session: (keys) => getSessionToken(io, stringOption(args, "profile"), keys, { durationSeconds }),
  });
}
