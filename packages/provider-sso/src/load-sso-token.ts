import { parseTimestamp, type LookedAt, type ProviderContext } from "@credchain/core/local";
import { describeReadError, isNotAFile, NOT_A_TIMESTAMP, showName, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { ssoError } from "./errors.js";
import type { SsoProfileConfig } from "@credchain/core/internal";
import { ssoTokenCacheFile, type SsoToken } from "./token-cache.js";
import type { RefreshOptions } from "./refresh-sso-token.js";
import { refreshSsoCache } from "./refresh-sso-cache.js";

/** botocore's SSOTokenProvider._REFRESH_WINDOW: refresh a token with less than 15 minutes left. */
export const SSO_TOKEN_REFRESH_WINDOW_MS = 15 * 60 * 1000;

export interface LoadedSsoToken {
  accessToken: string;
  expiresAt: Date;
  /** `expiresAt` as the cache file has it, for explain. */
  expiresAtText: string;
  file: string;
  lookedAt: LookedAt;
}

/**
 * Reads the cached token (refreshing it first for an sso-session profile, as botocore's
 * SSOTokenProvider) and fails with botocore's error, plus the `aws sso login` command.
 */
export async function loadSsoToken(ctx: ProviderContext, config: SsoProfileConfig, refresh: RefreshOptions): Promise<LoadedSsoToken> {
  const file = ssoTokenCacheFile(ctx.homedir, config);
  const lookedAt: LookedAt = { profile: config.profile, files: [file] };
  const fail = (code: "SSOTokenLoad" | "UnauthorizedSSOToken" | "TokenRetrieval", message: string, extra: { cause?: unknown; key?: string } = {}) =>
    ssoError({ code, message, config, lookedAt, hint: true, file, ...extra });
  const name = config.ssoSession ?? config.ssoStartUrl;

  let text: string;
  try {
    text = await ctx.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
  } catch (error) {
    const why = describeReadError(error);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      lookedAt.note = "no cached token";
      throw fail("SSOTokenLoad", `Error loading SSO Token: Token for ${showName(name)} does not exist (no file ${file}).`);
    }
    // A directory, FIFO or device is never opened for reading (botocore would hang on a FIFO).
    lookedAt.note = `token cache file ${why}`;
    throw fail("SSOTokenLoad", `Error loading SSO Token: Token for ${showName(name)} could not be loaded: the token cache file ${file} ${why}.`, { cause: error });
  }

  let token: unknown;
  try {
    token = JSON.parse(text);
  } catch {
    // botocore's JSONFileCache turns this into a bare KeyError; say what is wrong instead.
    lookedAt.note = "token cache file is not valid JSON";
    throw fail("SSOTokenLoad", `Error loading SSO Token: the token cache file ${file} is not valid JSON (empty, truncated or corrupt).`);
  }
  if (typeof token !== "object" || token === null || Array.isArray(token) || typeof (token as SsoToken).accessToken !== "string" || typeof (token as SsoToken).expiresAt !== "string") {
    lookedAt.note = "cached token has no accessToken or expiresAt";
    // botocore names the start URL here even for an sso-session profile.
    throw fail("SSOTokenLoad", `Error loading SSO Token: Token for ${config.ssoStartUrl} is invalid (${file} has no accessToken or expiresAt).`);
  }
  let cached = token as SsoToken;
  let expiresAt = parseTimestamp(cached.expiresAt);
  if (expiresAt === undefined) {
    lookedAt.note = "cached token has an unreadable expiresAt";
    throw fail("SSOTokenLoad", `Error loading SSO Token: expiresAt in ${file} ${NOT_A_TIMESTAMP}.`, { key: "expiresAt" });
  }
  lookedAt.note = `token expires ${expiresAt.toISOString()}`;

  if (config.ssoSession === undefined) {
    // Legacy profiles never refresh; botocore fails before calling the portal with an expired token.
    if (expiresAt.getTime() <= ctx.now()) {
      lookedAt.note = `token expired ${expiresAt.toISOString()}`;
      throw fail(
        "UnauthorizedSSOToken",
        `The SSO session associated with this profile has expired or is otherwise invalid (the cached token expired at ${expiresAt.toISOString()}).`,
      );
    }
    return { accessToken: cached.accessToken, expiresAt, expiresAtText: cached.expiresAt, file, lookedAt };
  }

  let refreshFailure: string | undefined;
  if (expiresAt.getTime() - ctx.now() < SSO_TOKEN_REFRESH_WINDOW_MS) {
    const startUrl = config.sessionConfig?.sso_start_url ?? config.ssoStartUrl;
    const region = config.sessionConfig?.sso_region ?? config.ssoRegion;
    // Under the cache file's lock: one process spends the rotating refresh token, the rest use its answer.
    const outcome = await refreshSsoCache(ctx, file, cached, { startUrl, region }, refresh, SSO_TOKEN_REFRESH_WINDOW_MS);
    if (outcome.ok) {
      cached = outcome.token;
      expiresAt = outcome.expiresAt;
      lookedAt.note = `token refreshed${outcome.by === "other" ? " by another process" : ""}, expires ${expiresAt.toISOString()}`;
    } else {
      refreshFailure = outcome.reason;
      ctx.logger.debug(`sso: token refresh for sso-session ${config.ssoSession} skipped or failed: ${outcome.reason}`);
    }
  }
  if (expiresAt.getTime() <= ctx.now()) {
    lookedAt.note = `token expired ${expiresAt.toISOString()}${refreshFailure ? `; refresh: ${refreshFailure}` : ""}`;
    throw fail(
      "TokenRetrieval",
      `Error when retrieving token from sso: Token has expired and refresh failed (the cached token for sso-session ${config.ssoSession} expired at ${expiresAt.toISOString()}` +
        `${refreshFailure ? `; refresh: ${refreshFailure}` : ""}).`,
    );
  }
  return { accessToken: cached.accessToken, expiresAt, expiresAtText: cached.expiresAt, file, lookedAt };
}
