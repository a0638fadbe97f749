import { parseTimestamp, type ProviderContext } from "@credchain/core/local";
import { nodeCrypto, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { withFileLock } from "@credchain/core/writes";
import { callAwsJson, describeJsonFailure as describe, type RetryPolicy } from "@credchain/core/aws-json";
import { writeJsonCache } from "./json-cache.js";
import { pythonJsonDumps } from "./python-json.js";
import { answeredTime } from "./sign-in-answer.js";
import { signInFailure } from "./sign-in-error.js";
import { ssoTokenCacheDir } from "./token-cache.js";
import { join } from "node:path";

/** What `sso login` signs in to: an sso-session, or a legacy profile's start URL and region. */
export interface SsoLoginSession {
  /** `sso_start_url`. */
  startUrl: string;
  /** `sso_region`: where SSO-OIDC is called. */
  region: string;
  /** The `[sso-session NAME]`; absent for a legacy profile (its token is cached by start URL). */
  sessionName?: string | undefined;
  /** `sso_registration_scopes`, split at commas (`sso:account:access`). */
  registrationScopes?: readonly string[] | undefined;
}

/** A client registration as the AWS CLI v2 caches it beside the tokens. */
export interface SsoClientRegistration {
  clientId: string;
  clientSecret: string;
  /** `%Y-%m-%dT%H:%M:%SZ`. */
  expiresAt: string;
  scopes?: string[];
  [key: string]: unknown;
}

/** The AWS CLI v2's `_EXPIRY_WINDOW`: a registration with less than 15 minutes left is not reused. */
export const REGISTRATION_EXPIRY_WINDOW_MS = 15 * 60 * 1000;

/**
 * Where the AWS CLI v2 caches the client registration of a session (`SSOTokenFetcher.
 * _registration_cache_key`): `~/.aws/sso/cache/<sha1>.json`, the SHA-1 of Python's
 * `json.dumps({"tool": "botocore", "startUrl", "region", "scopes", "session_name"}, sort_keys=True)`.
 *
 * @example
 * ```ts
 * ssoRegistrationCacheFile("/home/me", { startUrl: "https://corp.awsapps.com/start", region: "eu-west-1", sessionName: "corp" });
 * ```
 */
export function ssoRegistrationCacheFile(homedir: string, session: SsoLoginSession): string {
  const args = {
    tool: "botocore",
    startUrl: session.startUrl,
    region: session.region,
    scopes: session.registrationScopes ? [...session.registrationScopes] : null,
    session_name: session.sessionName ?? null,
  };
  const key = nodeCrypto().createHash("sha1").update(pythonJsonDumps(args, { sortKeys: true }), "utf8").digest("hex");
  return join(ssoTokenCacheDir(homedir), `${key}.json`);
}

/** `%Y-%m-%dT%H:%M:%SZ` (whole seconds), as the AWS CLI writes cache timestamps. */
export function cacheTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");
}

/** A cached registration the device flow may reuse: well formed, not for the authorization-code grant, 15 minutes or more left. */
function reusable(text: string, now: number): SsoClientRegistration | undefined {
  try {
    const doc = JSON.parse(text) as SsoClientRegistration;
    const expiresAt = typeof doc?.expiresAt === "string" ? parseTimestamp(doc.expiresAt) : undefined;
    const forAuthCode = Array.isArray(doc.grantTypes) && doc.grantTypes.includes("authorization_code");
    if (typeof doc.clientId !== "string" || typeof doc.clientSecret !== "string" || !expiresAt || forAuthCode) return undefined;
    return expiresAt.getTime() - now >= REGISTRATION_EXPIRY_WINDOW_MS ? doc : undefined;
  } catch {
    return undefined;
  }
}

export interface CallSettings {
  /** SSO-OIDC's base URL, without a trailing slash. */
  oidcUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
}

/** One SSO-OIDC JSON call: the answer's body, or a TokenRetrieval error naming the operation. */
export async function callOidc(ctx: ProviderContext, call: CallSettings, operation: string, path: string, body: object): Promise<Record<string, unknown>> {
  const url = `${call.oidcUrl}${path}`;
  const outcome = await callAwsJson(
    ctx,
    { method: "POST", url, headers: { "content-type": "application/json" }, body: JSON.stringify(body), timeoutMs: call.timeoutMs, ...(call.signal && { signal: call.signal }) },
    call.retry,
    "sso-oidc",
  );
  if (!outcome.ok) throw signInFailure(`SSO-OIDC ${operation} at ${url} failed: ${describe(outcome)}`);
  return outcome.body;
}

/**
 * The session's client registration, as the AWS CLI v2's `SSOTokenFetcher._registration`: the
 * cached one while it has 15 minutes or more left, else a new `public` client from RegisterClient
 * (named `botocore-client-<session>`, or `botocore-client-<epoch seconds>` for a legacy profile),
 * written to the cache under its lock.
 */
export async function clientRegistration(ctx: ProviderContext, session: SsoLoginSession, call: CallSettings): Promise<SsoClientRegistration> {
  const file = ssoRegistrationCacheFile(ctx.homedir, session);
  return withFileLock(
    file,
    async () => {
      let text: string | undefined;
      try {
        text = await ctx.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
      } catch {
        // No cached registration: register a new client.
      }
      const cached = text === undefined ? undefined : reusable(text, ctx.now());
      if (cached) {
        ctx.logger.debug(`sso: reusing the client registration in ${file}`);
        return cached;
      }
      const scopes = session.registrationScopes?.length ? [...session.registrationScopes] : undefined;
      const body = await callOidc(ctx, call, "RegisterClient", "/client/register", {
        clientName: `botocore-client-${session.sessionName ?? Math.floor(ctx.now() / 1000)}`,
        clientType: "public",
        ...(scopes && { scopes }),
      });
      const { clientId, clientSecret, clientSecretExpiresAt } = body;
      const where = `SSO-OIDC RegisterClient at ${call.oidcUrl}/client/register`;
      if (typeof clientId !== "string" || typeof clientSecret !== "string" || typeof clientSecretExpiresAt !== "number") {
        throw signInFailure(`${where} answered without clientId, clientSecret or clientSecretExpiresAt`);
      }
      const expiresAt = cacheTimestamp(answeredTime(where, "clientSecretExpiresAt", clientSecretExpiresAt, 0));
      const registration: SsoClientRegistration = { clientId, clientSecret, expiresAt, ...(scopes && { scopes }) };
      await writeJsonCache(file, registration, pythonJsonDumps);
      ctx.logger.debug(`sso: registered a client, cached in ${file} until ${registration.expiresAt}`);
      return registration;
    },
    { signal: call.signal },
  );
}
