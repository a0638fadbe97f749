import { CredchainError, createCredentials, MAX_ATTEMPTS, notFound, REGION, resolveSetting, type CredentialProvider, type Credentials, type LookedAt, type ProfileSettings, type ProviderContext, type ProviderContextInit } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import { resolveContext } from "@credchain/core";
import { withFileLock } from "@credchain/core/writes";
import { retryPolicy } from "@credchain/core/aws-json";
import { loadDpopKey } from "./dpop.js";
import { signInError } from "./errors.js";
import { writeJsonCache } from "./json-cache.js";
import { loginCacheFile, type LoginToken } from "./login-cache.js";
import { readLoginToken } from "./read-login-token.js";
import { refreshLoginToken, type LoginRefreshOutcome } from "./refresh-login-token.js";
import { resolveSigninEndpoint } from "./signin-endpoint.js";

/** botocore's `LoginCredentialFetcher._REFRESH_THRESHOLD`: refresh with 5 minutes or less left. */
export const LOGIN_REFRESH_THRESHOLD_MS = 5 * 60 * 1000;
/** botocore's RefreshableCredentials windows: under 15 minutes it asks the fetcher; under 10 a failure is fatal. */
const ADVISORY_MS = 15 * 60 * 1000;
const MANDATORY_MS = 10 * 60 * 1000;
/** botocore's default connect and read timeout (60 s each); here for the whole exchange. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** botocore's `legacy` retry mode: 5 attempts in all. */
const DEFAULT_MAX_ATTEMPTS = 5;

export interface LoginInit extends ProviderContextInit {
  /** The profile, for messages and the `aws login --profile …` hint. */
  profile: string;
  /** The profile's `login_session`; undefined means "not configured here" (the chain moves on). */
  loginSession: string | undefined;
  /**
   * Region of the Sign-In endpoint, needed only to refresh: the session region (core's `REGION`
   * setting: env `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`).
   */
  region?: string | undefined;
  /**
   * Sign-In endpoint. Default: env `AWS_ENDPOINT_URL_SIGNIN`, else `AWS_ENDPOINT_URL`, else the
   * profile's services section (`signin`) or `endpoint_url`, else `https://<region>.signin.aws.amazon.com` (per partition).
   */
  endpoint?: string | undefined;
  /** The session profile's settings (provider-ini's `profileSettings`), below the env vars: region, endpoints, `max_attempts`. */
  profileSettings?: ProfileSettings | undefined;
  /** Per request. Default: 60000 (botocore's connect/read timeout). */
  timeoutMs?: number;
  /** Attempts for 5xx, throttling and connection errors. Default: env AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else 5 (botocore's legacy retry mode). */
  maxAttempts?: number;
  /** Pause between attempts; tests inject an instant one. Default: `setTimeout` with botocore's legacy backoff. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Credentials from an `aws login` session, as botocore's LoginProvider (source `login`): the
 * credentials cached in `~/.aws/login/cache/<sha256 of login_session>.json` (or
 * `AWS_LOGIN_CACHE_DIRECTORY`), used as they are while more than 5 minutes remain; otherwise
 * refreshed with AWS Sign-In's CreateOAuth2Token (`refresh_token` grant, a DPoP proof signed
 * ES256 with the cached `dpopKey`), written back atomically with mode 0600, and returned.
 *
 * Errors: no `loginSession` → "not here" (`tryNextLink`); a missing, unreadable, corrupt or
 * incomplete cache file, a bad `dpopKey`, a refused or failed refresh → `CredentialRetrieval`;
 * no region to refresh with → `NoRegion`. Messages name the profile and cache file and end with
 * `aws login --profile …` where signing in again helps; they never hold a token or key. Each call
 * reads the cache; caching belongs to `withRefresh` from `@credchain/refresh-manager`.
 *
 * @example
 * ```ts
 * import { fromLogin } from "@credchain/provider-sso/login";
 *
 * const provider = fromLogin({ profile: "dev", loginSession: "arn:aws:iam::111122223333:user/me", region: "eu-west-1" });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromLogin(init: LoginInit): CredentialProvider {
  const ctx = resolveContext(init);
  const sources = { env: ctx.env, profile: init.profileSettings, source: "login" as const };
  const retry = retryPolicy({ ...init, maxAttempts: resolveSetting(MAX_ATTEMPTS, sources, init.maxAttempts).value }, DEFAULT_MAX_ATTEMPTS);
  const { profile, loginSession } = init;

  return async (callOptions) => {
    if (loginSession === undefined) throw notFound("login", `profile ${showName(profile)} has no login_session`, { profile });
    const file = loginCacheFile(ctx.env, ctx.homedir, loginSession);
    const lookedAt: LookedAt = { profile, files: [file] };
    const fail = (code: "CredentialRetrieval" | "NoRegion" | "InvalidConfig", message: string, extra: { hint?: boolean; status?: number | undefined; cause?: unknown; key?: string } = {}) =>
      signInError("login", { profile }, { code, message, lookedAt, file, ...extra });

    const { token, expiresAt } = await readLoginToken(ctx, file, loginSession, profile, lookedAt);
    const remaining = expiresAt.getTime() - ctx.now();
    // botocore returns the cached credentials and only consults the fetcher inside its refresh windows.
    if (remaining >= ADVISORY_MS) return toCredentials(ctx, token, expiresAt, file, profile);

    const keyMessage = `Error loading login session token: Unable to load private key from cached token (dpopKey in ${file} is not a PEM P-256 private key).`;
    const badKey = () => {
      lookedAt.note = "cached dpopKey is not a P-256 private key";
      return fail("CredentialRetrieval", keyMessage, { hint: true, key: "dpopKey" });
    };
    const key = loadDpopKey(token.dpopKey);
    if (!key) {
      // In botocore's advisory window a failed refresh only logs; in the mandatory one it raises.
      if (remaining >= MANDATORY_MS) {
        ctx.logger.warn(`login: ${keyMessage}`);
        return toCredentials(ctx, token, expiresAt, file, profile);
      }
      throw badKey();
    }
    if (remaining > LOGIN_REFRESH_THRESHOLD_MS) return toCredentials(ctx, token, expiresAt, file, profile);

    const region = resolveSetting(REGION, sources, init.region).value;
    if (!region) {
      lookedAt.note = `session credentials expire ${expiresAt.toISOString()}; no region to refresh with`;
      throw fail(
        "NoRegion",
        `The login session for profile ${showName(profile)} must be refreshed, which needs a region: set region in the profile, AWS_REGION or AWS_DEFAULT_REGION (botocore: You must specify a region).`,
      );
    }
    const endpoint = resolveSigninEndpoint(region, ctx.env, init.endpoint, init.profileSettings);
    // Under the cache file's lock: Sign-In rotates the refresh token, so one process spends it and
    // the rest use the session it wrote. Read again there, as another process may have refreshed.
    const timeoutMs = init.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let session: { token: LoginToken; expiresAt: Date } | undefined;
    let inside = false;
    try {
      await withFileLock(
        file,
        async () => {
          inside = true;
          const current = await readLoginToken(ctx, file, loginSession, profile, lookedAt);
          if (current.expiresAt.getTime() - ctx.now() > LOGIN_REFRESH_THRESHOLD_MS) {
            lookedAt.note = `session refreshed by another process, credentials expire ${current.expiresAt.toISOString()}`;
            session = current;
            return;
          }
          const currentKey = current.token.dpopKey === token.dpopKey ? key : loadDpopKey(current.token.dpopKey);
          if (!currentKey) throw badKey();
          const outcome = await refreshLoginToken(ctx, current.token, currentKey, {
            endpoint,
            timeoutMs,
            retry,
            signal: callOptions?.signal,
          });
          if (!outcome.ok) {
            lookedAt.note = `session credentials expire ${current.expiresAt.toISOString()}; refresh failed`;
            throw refreshFailure(outcome, fail);
          }
          try {
            await writeJsonCache(file, outcome.token);
          } catch (error) {
            // botocore lets the save error escape; the rotated refresh token is then lost either way.
            lookedAt.note = "refreshed session could not be saved";
            throw fail("CredentialRetrieval", `The refreshed login session could not be saved to ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, {
              hint: true,
              cause: error,
            });
          }
          lookedAt.note = `session refreshed, credentials expire ${outcome.expiresAt.toISOString()}`;
          session = outcome;
        },
        // A waiter waits as long as the holder's refresh may take.
        { signal: callOptions?.signal, waitMs: timeoutMs },
      );
    } catch (error) {
      if (inside) throw error;
      lookedAt.note = `session credentials expire ${expiresAt.toISOString()}; refresh failed`;
      throw fail("CredentialRetrieval", `Unable to refresh the login session: ${(error as Error).message}`, { cause: error });
    }
    if (session!.expiresAt.getTime() <= ctx.now()) {
      throw fail("CredentialRetrieval", `Credentials were refreshed, but the refreshed credentials are still expired (they expired at ${session!.expiresAt.toISOString()}).`);
    }
    return toCredentials(ctx, session!.token, session!.expiresAt, file, profile);
  };
}

function refreshFailure(
  outcome: Exclude<LoginRefreshOutcome, { ok: true }>,
  fail: (code: "CredentialRetrieval", message: string, extra?: { hint?: boolean; status?: number | undefined; cause?: unknown }) => CredchainError,
): CredchainError {
  if (outcome.kind === "invalid") {
    return fail("CredentialRetrieval", `Unable to refresh the login session due to an invalid service response (${outcome.reason}).`, { hint: true });
  }
  if (outcome.kind === "failed") {
    return fail("CredentialRetrieval", `Unable to refresh the login session: ${outcome.reason}.`, { status: outcome.status, cause: outcome.cause });
  }
  // botocore's three AccessDeniedException outcomes: LoginRefreshRequired, LoginInsufficientPermissions, LoginError.
  if (outcome.error === "TOKEN_EXPIRED" || outcome.error === "USER_CREDENTIALS_CHANGED") {
    return fail("CredentialRetrieval", `Your session has expired or credentials have changed (Sign-In refused the refresh: ${outcome.error}).`, { hint: true });
  }
  if (outcome.error === "INSUFFICIENT_PERMISSIONS") {
    return fail(
      "CredentialRetrieval",
      "Unable to create or refresh login credentials due to insufficient permissions. You may be missing permission for the 'signin:CreateOAuth2Token' action.",
    );
  }
  return fail("CredentialRetrieval", `An unspecified error happened when refreshing the login session (${outcome.reason}).`, { hint: true });
}

function toCredentials(ctx: ProviderContext, token: LoginToken, expiresAt: Date, file: string, profile: string): Credentials {
  const { accessKeyId, secretAccessKey, sessionToken, accountId } = token.accessToken;
  ctx.logger.debug(`login: credentials from ${file}`);
  return createCredentials(
    { accessKeyId, secretAccessKey, sessionToken, expiration: expiresAt, accountId, source: "login" },
    // The cache names the fields as credchain does, under accessToken.
    { where: `accessToken of the login cache ${file}`, file, profile },
  );
}
