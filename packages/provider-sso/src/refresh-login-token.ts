import type { KeyObject } from "node:crypto";
import type { ProviderContext } from "@credchain/core/local";
import type { HttpResponse } from "@credchain/core";
import { callAwsJson, describeJsonFailure, type RetryPolicy } from "@credchain/core/aws-json";
import { dpopProof } from "./dpop.js";
import type { LoginToken } from "./login-cache.js";

/** CreateOAuth2Token's path under the Sign-In endpoint. */
export const SIGNIN_TOKEN_PATH = "/v1/token";

export interface LoginRefreshOptions {
  /** The Sign-In endpoint, without a trailing slash. */
  endpoint: string;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
}

/** Why a refresh failed, in botocore's terms: `refused` carries the AccessDeniedException `error`. */
export type LoginRefreshOutcome =
  | { ok: true; token: LoginToken; expiresAt: Date }
  | { ok: false; kind: "refused"; error: string; reason: string }
  /** A 2xx that is not a token: botocore's "invalid service response". */
  | { ok: false; kind: "invalid"; reason: string }
  | { ok: false; kind: "failed"; reason: string; status?: number | undefined; cause?: unknown };

/**
 * botocore's `LoginCredentialFetcher.refresh_credentials` network step: Sign-In CreateOAuth2Token
 * with the `refresh_token` grant and a DPoP proof, then the cached session with the new
 * credentials (expiry = now + expiresIn, whole seconds) and the new refresh token; the account id
 * and every other field are kept. Never throws: the caller words the error.
 */
export async function refreshLoginToken(ctx: ProviderContext, token: LoginToken, key: KeyObject, options: LoginRefreshOptions): Promise<LoginRefreshOutcome> {
  const url = `${options.endpoint}${SIGNIN_TOKEN_PATH}`;
  // One proof per call, reused on retries, as botocore adds it once in `before-call`.
  const proof = dpopProof(key, url, { iat: Math.floor(ctx.now() / 1000) });
  // callAwsJson keeps the error code and message only; AccessDeniedException's `error` is in the body.
  let lastResponse: HttpResponse | undefined;
  const recording: ProviderContext = {
    ...ctx,
    transport: async (request) => (lastResponse = await ctx.transport(request)),
  };
  const outcome = await callAwsJson(
    recording,
    {
      method: "POST",
      url,
      headers: { "content-type": "application/json", dpop: proof },
      body: JSON.stringify({ clientId: token.clientId, refreshToken: token.refreshToken, grantType: "refresh_token" }),
      timeoutMs: options.timeoutMs,
      ...(options.signal && { signal: options.signal }),
    },
    options.retry,
    "login",
  );
  if (!outcome.ok) {
    if (outcome.kind === "service" && outcome.code === "AccessDeniedException") {
      return { ok: false, kind: "refused", error: bodyError(lastResponse), reason: `Sign-In CreateOAuth2Token at ${url} failed: ${describeJsonFailure(outcome)}` };
    }
    if (outcome.kind === "parse") return { ok: false, kind: "invalid", reason: `Sign-In CreateOAuth2Token at ${url} failed: ${outcome.reason}` };
    return {
      ok: false,
      kind: "failed",
      reason: `Sign-In CreateOAuth2Token at ${url} failed: ${describeJsonFailure(outcome)}`,
      status: outcome.kind === "transport" ? undefined : outcome.status,
      cause: outcome.kind === "transport" ? outcome.cause : undefined,
    };
  }

  const body = outcome.body;
  const access = body.accessToken as Record<string, unknown> | undefined;
  const fields = ["accessKeyId", "secretAccessKey", "sessionToken"] as const;
  if (
    typeof access !== "object" ||
    access === null ||
    fields.some((f) => typeof access[f] !== "string") ||
    typeof body.refreshToken !== "string" ||
    typeof body.expiresIn !== "number"
  ) {
    return { ok: false, kind: "invalid", reason: `Sign-In CreateOAuth2Token at ${url} answered without accessToken, refreshToken or expiresIn` };
  }
  // Whole seconds, as botocore writes "%Y-%m-%dT%H:%M:%SZ". A Date holds ±8.64e15 ms: a larger
  // answer (1e300) is reported here rather than failing later in toISOString.
  const expiresMs = Math.floor((ctx.now() + body.expiresIn * 1000) / 1000) * 1000;
  if (!(Math.abs(expiresMs) <= 8.64e15)) return { ok: false, kind: "invalid", reason: `Sign-In CreateOAuth2Token at ${url} answered expiresIn = ${body.expiresIn}, which is not a time` };
  const expiresAt = new Date(expiresMs);
  const refreshed: LoginToken = {
    ...token,
    accessToken: {
      accessKeyId: access.accessKeyId as string,
      secretAccessKey: access.secretAccessKey as string,
      sessionToken: access.sessionToken as string,
      accountId: token.accessToken.accountId,
      expiresAt: expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    refreshToken: body.refreshToken,
  };
  ctx.logger.debug(`login: session refreshed at ${url}, expires ${refreshed.accessToken.expiresAt}`);
  return { ok: true, token: refreshed, expiresAt };
}

function bodyError(response: HttpResponse | undefined): string {
  try {
    const doc: unknown = JSON.parse(response?.body ?? "");
    const error = (doc as { error?: unknown } | null)?.error;
    return typeof error === "string" ? error : "";
  } catch {
    return "";
  }
}
