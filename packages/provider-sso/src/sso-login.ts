import { MAX_ATTEMPTS, parseTimestamp, resolveSetting, type ProfileSettings, type ProviderContextInit } from "@credchain/core/local";
import { resolveContext } from "@credchain/core";
import { withFileLock } from "@credchain/core/writes";
import { defaultSleep, retryPolicy } from "@credchain/core/aws-json";
import { expired, pollForToken, SLOW_DOWN_SECONDS, startDeviceAuthorization, type PendingAuthorization } from "./device-authorization.js";
import { resolveSsoEndpoint } from "./endpoints.js";
import { DEFAULT_SSO_MAX_ATTEMPTS, DEFAULT_SSO_TIMEOUT_MS } from "./from-sso.js";
import { writeJsonCache } from "./json-cache.js";
import { pythonJsonDumps } from "./python-json.js";
import { answeredTime } from "./sign-in-answer.js";
import { signInFailure } from "./sign-in-error.js";
import { cacheTimestamp, clientRegistration, ssoRegistrationCacheFile, type SsoLoginSession } from "./sso-registration.js";
import { ssoTokenCacheFile, type SsoToken } from "./token-cache.js";

export interface SsoLoginInit extends ProviderContextInit {
  session: SsoLoginSession;
  /** SSO-OIDC endpoint. Default: env `AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL`, the profile's services section, else `https://oidc.<region>.<partition's domain>`. */
  oidcEndpoint?: string;
  /** The profile's settings (provider-ini's `profileSettings`): services section, `endpoint_url`, `max_attempts`. */
  profileSettings?: ProfileSettings | undefined;
  /**
   * Called once the user must act (after a first CreateToken that was not already approved): show
   * the code and the URL, open a browser. Awaited before polling goes on.
   */
  onPendingAuthorization?: (authorization: PendingAuthorization) => void | Promise<void>;
  /** Called before each wait between polls: for progress. */
  onWait?: (wait: { seconds: number; polls: number; expiresAt: Date }) => void;
  /** Per request. Default: 60000. */
  timeoutMs?: number;
  /** Attempts per call for 5xx, throttling and connection errors. Default: AWS_MAX_ATTEMPTS, the profile's `max_attempts`, else 5. */
  maxAttempts?: number;
  /** Waits between polls and retries; tests inject one. Default: `setTimeout`, cut short by `signal`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

export interface SsoLoginResult {
  /** The token as written to the cache (it holds the access and refresh tokens: do not print it). */
  token: SsoToken;
  /** The token cache file: `~/.aws/sso/cache/<sha1 of the session name or start URL>.json`. */
  file: string;
  /** The client registration's cache file. */
  registrationFile: string;
}

/**
 * Signs in to IAM Identity Center as `aws sso login` (the AWS CLI v2's device-code
 * `SSOTokenFetcher`) does: reuses or registers a client (cached beside the tokens), starts a device
 * authorization, tries CreateToken once (a pre-approved client needs no user step), then calls
 * `onPendingAuthorization` and polls every `interval` seconds (5 more after each `slow_down`) until
 * the user approves. The token is written where and as the AWS CLI v2 writes it (same file name,
 * fields, order, timestamps and JSON text, mode 0600, atomically, under the file's lock), so
 * botocore, boto3, the AWS CLI and `fromSso` use it.
 *
 * Errors are `TokenRetrieval`: denied, expired (when SSO-OIDC says so, or, unlike botocore, which
 * would poll for ever, once the authorization's own expiry has passed), or an SSO-OIDC failure
 * naming the operation and the endpoint.
 *
 * @example
 * ```ts
 * import { ssoLogin } from "@credchain/provider-sso/sign-in";
 *
 * const { file } = await ssoLogin({
 *   session: { sessionName: "corp", startUrl: "https://corp.awsapps.com/start", region: "eu-west-1" },
 *   onPendingAuthorization: (a) => console.error(`Open ${a.verificationUri} and enter ${a.userCode}`),
 * });
 * ```
 */
export async function ssoLogin(init: SsoLoginInit): Promise<SsoLoginResult> {
  const ctx = resolveContext(init);
  const { session, signal } = init;
  const sleep = init.sleep ?? defaultSleep;
  let oidcUrl: string;
  try {
    oidcUrl = resolveSsoEndpoint("oidc", session.region, ctx.env, init.oidcEndpoint, init.profileSettings);
  } catch (error) {
    throw signInFailure((error as Error).message, error);
  }
  const maxAttempts = resolveSetting(MAX_ATTEMPTS, { env: ctx.env, profile: init.profileSettings, source: "sso" }, init.maxAttempts).value;
  const call = { oidcUrl, timeoutMs: init.timeoutMs ?? DEFAULT_SSO_TIMEOUT_MS, retry: retryPolicy({ maxAttempts, sleep }, DEFAULT_SSO_MAX_ATTEMPTS), signal };

  const registration = await clientRegistration(ctx, session, call);
  const auth = await startDeviceAuthorization(ctx, call, registration, session.startUrl);
  let interval = auth.intervalSeconds;
  let polls = 0;
  let told = false;
  for (;;) {
    if (signal?.aborted) throw signInFailure("the sign-in was cancelled", signal.reason);
    const outcome = await pollForToken(ctx, call, registration, auth);
    polls++;
    if (outcome.kind === "token") {
      const token = tokenDocument(outcome.body, session, registration, ctx.now(), oidcUrl);
      const file = ssoTokenCacheFile(ctx.homedir, { ssoSession: session.sessionName, ssoStartUrl: session.startUrl });
      await withFileLock(file, () => writeJsonCache(file, token, pythonJsonDumps), { signal });
      ctx.logger.debug(`sso: signed in to ${session.startUrl}; token cached in ${file} until ${token.expiresAt}`);
      return { token, file, registrationFile: ssoRegistrationCacheFile(ctx.homedir, session) };
    }
    if (outcome.kind === "slow-down") interval += SLOW_DOWN_SECONDS;
    if (!told) {
      told = true;
      const { deviceCode: _deviceCode, intervalSeconds: _interval, ...pending } = auth;
      await init.onPendingAuthorization?.(pending);
    }
    // Never a hang: past the authorization's expiry no approval can come (botocore waits for the service to say so).
    if (ctx.now() >= auth.expiresAt.getTime()) throw expired(auth);
    // No sleep past the expiry either (a slow_down, or a hostile interval, could ask for one).
    const seconds = Math.min(interval, Math.max(0, (auth.expiresAt.getTime() - ctx.now()) / 1000));
    init.onWait?.({ seconds, polls, expiresAt: auth.expiresAt });
    await sleep(seconds * 1000, signal);
  }
}

/** The cached token, fields in the AWS CLI v2's order; `expiresAt` in whole seconds. */
function tokenDocument(body: Record<string, unknown>, session: SsoLoginSession, registration: { clientId: string; clientSecret: string; expiresAt: string }, now: number, oidcUrl: string): SsoToken {
  const { accessToken, expiresIn, refreshToken } = body;
  const where = `SSO-OIDC CreateToken at ${oidcUrl}/token`;
  if (typeof accessToken !== "string" || typeof expiresIn !== "number") throw signInFailure(`${where} answered without accessToken or expiresIn`);
  const token: SsoToken = {
    startUrl: session.startUrl,
    region: session.region,
    accessToken,
    expiresAt: cacheTimestamp(answeredTime(where, "expiresIn", expiresIn, now)),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(typeof refreshToken === "string" && { refreshToken }),
  };
  // A registration expiry that does not parse would make the next refresh fail: say so now.
  if (!parseTimestamp(token.registrationExpiresAt!)) throw signInFailure(`the client registration's expiresAt is not a timestamp`);
  return token;
}
