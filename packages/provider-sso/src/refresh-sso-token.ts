import { parseTimestamp, type ProfileSettings, type ProviderContext } from "@credchain/core/local";
import { NOT_A_TIMESTAMP } from "@credchain/core/internal";
import { callAwsJson, describeJsonFailure, type RetryPolicy } from "@credchain/core/aws-json";
import { resolveSsoEndpoint } from "./endpoints.js";
import type { SsoToken } from "./token-cache.js";

export interface RefreshOptions {
  /** SSO-OIDC endpoint override (else AWS_ENDPOINT_URL_SSO_OIDC, AWS_ENDPOINT_URL, the regional one). */
  oidcEndpoint?: string | undefined;
  /** The session profile's settings: its services section and `endpoint_url` may name SSO-OIDC. */
  profileSettings?: ProfileSettings | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
}

export type RefreshOutcome = { ok: true; token: SsoToken; expiresAt: Date } | { ok: false; reason: string };

const REGISTRATION_KEYS = ["refreshToken", "clientId", "clientSecret", "registrationExpiresAt"] as const;

/**
 * botocore's `SSOTokenProvider._refresh_access_token`: SSO-OIDC CreateToken with the
 * `refresh_token` grant, when the cache holds a refresh token and an unexpired client
 * registration. Never throws: a refresh that cannot happen or fails leaves the old token in use.
 */
export async function refreshSsoToken(
  ctx: ProviderContext,
  token: SsoToken,
  session: { startUrl: string; region: string },
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const missing = REGISTRATION_KEYS.filter((k) => typeof token[k] !== "string");
  if (missing.length > 0) return { ok: false, reason: `the cached token has no ${missing.join(", ")}` };
  const registrationExpiresAt = parseTimestamp(token.registrationExpiresAt!);
  if (registrationExpiresAt === undefined) return { ok: false, reason: `registrationExpiresAt in the cached token ${NOT_A_TIMESTAMP}` };
  if (registrationExpiresAt.getTime() <= ctx.now()) {
    return { ok: false, reason: `the client registration expired at ${registrationExpiresAt.toISOString()}` };
  }

  let url: string;
  try {
    url = `${resolveSsoEndpoint("oidc", session.region, ctx.env, options.oidcEndpoint, options.profileSettings)}/token`;
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const outcome = await callAwsJson(
    ctx,
    {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        clientId: token.clientId,
        clientSecret: token.clientSecret,
        grantType: "refresh_token",
        refreshToken: token.refreshToken,
      }),
      timeoutMs: options.timeoutMs,
      ...(options.signal && { signal: options.signal }),
    },
    options.retry,
    "sso",
  );
  if (!outcome.ok) {
    if (outcome.kind === "service" && outcome.code === "InvalidGrantException") {
      return { ok: false, reason: `SSO-OIDC CreateToken at ${url} rejected the refresh token (InvalidGrantException: expired or revoked)` };
    }
    return { ok: false, reason: `SSO-OIDC CreateToken at ${url} failed: ${describeJsonFailure(outcome)}` };
  }
  const body = outcome.body;
  if (typeof body.accessToken !== "string" || typeof body.expiresIn !== "number") {
    return { ok: false, reason: `SSO-OIDC CreateToken at ${url} answered without accessToken or expiresIn` };
  }
  // Whole seconds, as botocore writes "%Y-%m-%dT%H:%M:%SZ". A Date holds ±8.64e15 ms: a larger
  // answer (1e300) is reported here rather than failing later in toISOString.
  const expiresMs = Math.floor((ctx.now() + body.expiresIn * 1000) / 1000) * 1000;
  if (!(Math.abs(expiresMs) <= 8.64e15)) return { ok: false, reason: `SSO-OIDC CreateToken at ${url} answered expiresIn = ${body.expiresIn}, which is not a time` };
  const expiresAt = new Date(expiresMs);
  const refreshed: SsoToken = {
    startUrl: session.startUrl,
    region: session.region,
    accessToken: body.accessToken,
    expiresAt: expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    clientId: token.clientId,
    clientSecret: token.clientSecret,
    registrationExpiresAt: token.registrationExpiresAt,
    // As botocore: a response without refreshToken drops the old one from the cache.
    ...(typeof body.refreshToken === "string" && { refreshToken: body.refreshToken }),
  };
  ctx.logger.debug(`sso: token refreshed at ${url}, expires ${refreshed.expiresAt}`);
  return { ok: true, token: refreshed, expiresAt };
}
