import { parseTimestamp, type ProviderContext } from "@credchain/core/local";
import { TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { withFileLock } from "@credchain/core/writes";
import { refreshSsoToken, type RefreshOptions, type RefreshOutcome } from "./refresh-sso-token.js";
import { writeJsonCache } from "./json-cache.js";
import type { SsoToken } from "./token-cache.js";

/**
 * Refreshes the cached SSO token in `file` with other processes in mind: SSO-OIDC rotates the
 * refresh token on each use, so only one process may spend it. Under the file's lock the cache is
 * read again; a token another process wrote meanwhile that is no longer due (`windowMs` or more
 * left) is used as it is, without calling SSO-OIDC; otherwise the newest refresh token on disk is
 * spent and the answer written back before the lock is released. `by: "other"` marks a token
 * another process refreshed. A lock held longer than `options.timeoutMs`, or a cache file removed
 * meanwhile (signed out), is a failed refresh; this never throws.
 */
export async function refreshSsoCache(
  ctx: ProviderContext,
  file: string,
  token: SsoToken,
  session: { startUrl: string; region: string },
  options: RefreshOptions,
  windowMs: number,
): Promise<RefreshOutcome & { by?: "other" }> {
  let outcome: (RefreshOutcome & { by?: "other" }) | undefined;
  try {
    await withFileLock(
      file,
      async () => {
        let text: string | undefined;
        let gone = false;
        try {
          text = await ctx.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
        } catch (error) {
          gone = (error as NodeJS.ErrnoException).code === "ENOENT";
        }
        // Removed meanwhile (signed out): undefined; unreadable or not a token: ours.
        const current = gone ? undefined : ((text === undefined ? undefined : usableToken(text)) ?? token);
        if (current === undefined) {
          outcome = { ok: false, reason: `${file} was removed (signed out?)` };
          return;
        }
        const expiresAt = parseTimestamp(current.expiresAt)!;
        if (expiresAt.getTime() - ctx.now() >= windowMs) {
          ctx.logger.debug(`sso: another process refreshed the token in ${file}`);
          outcome = { ok: true, token: current, expiresAt, by: "other" };
          return;
        }
        outcome = await refreshSsoToken(ctx, current, session, options);
        if (!outcome.ok) return;
        try {
          await writeJsonCache(file, outcome.token);
        } catch (error) {
          ctx.logger.warn(`sso: could not write the refreshed token to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
        }
      },
      // A waiter waits as long as the holder's refresh may take.
      { signal: options.signal, waitMs: options.timeoutMs },
    );
  } catch (error) {
    outcome ??= { ok: false, reason: `could not lock ${file}: ${(error as Error).message}` };
  }
  return outcome!;
}

/** The cached token if it has an access token and a readable expiry; else undefined (keep ours). */
function usableToken(text: string): SsoToken | undefined {
  try {
    const doc = JSON.parse(text) as SsoToken;
    return typeof doc?.accessToken === "string" && typeof doc.expiresAt === "string" && parseTimestamp(doc.expiresAt) ? doc : undefined;
  } catch {
    return undefined;
  }
}
