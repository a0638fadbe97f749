import type { ProviderContext } from "./context.js";
import { quoteUntrusted } from "./redact.js";
import { sleep } from "./sleep.js";
import { TransportError, transportFailure, type HttpRequest } from "./transport.js";

// One JSON exchange with an AWS endpoint (the SSO portal, SSO-OIDC, Sign-In, Cognito Identity):
// the transport, botocore's legacy retries, the error code wherever the service puts it, and
// never a quoted body of a successful answer. Shared by every package that speaks AWS JSON.

/** How a JSON call to an AWS endpoint is retried: botocore's `legacy` retry mode by default. */
export interface RetryPolicy {
  /** Attempts in all. botocore's legacy mode: 5. */
  maxAttempts: number;
  /** Pause before attempt n+1 (n from 1). botocore's legacy mode: random() * 2^(n-1) seconds. */
  delayMs: (attempt: number) => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type AwsJsonOutcome =
  | { ok: true; body: Record<string, unknown> }
  /** The service answered with an error: `code` from `x-amzn-errortype` or the body's `__type`/`code`/`error`. */
  | { ok: false; kind: "service"; status: number; code: string; message?: string | undefined }
  /** A 200 whose body is not a JSON object; the body is never quoted (it may hold credentials). */
  | { ok: false; kind: "parse"; status: number; reason: string }
  | { ok: false; kind: "transport"; reason: string; aborted: boolean; cause: unknown };

/** Statuses botocore's legacy retry handler retries (`general_server_error`, `service_unavailable`, `limit_exceeded`, throttling). */
const RETRY_STATUS = new Set([429, 500, 502, 503, 504, 509]);
const THROTTLING = new Set(["Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException"]);

/**
 * One JSON request/response with retries; never throws for HTTP or network failures. `label`
 * starts the debug line of each retry (`sso`, `cognito-identity`).
 *
 * @example
 * ```ts
 * const outcome = await callAwsJson(ctx, { method: "GET", url, headers: {}, timeoutMs: 5000 }, retryPolicy({}, 5), "sso");
 * if (!outcome.ok) throw new Error(describeJsonFailure(outcome));
 * ```
 */
export async function callAwsJson(ctx: ProviderContext, request: HttpRequest, retry: RetryPolicy, label: string): Promise<AwsJsonOutcome> {
  let outcome: AwsJsonOutcome | undefined;
  for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
    outcome = await attemptOnce(ctx, request);
    if (outcome.ok || !retryable(outcome) || attempt === retry.maxAttempts) break;
    ctx.logger.debug(`${label}: ${request.method} ${request.url.split("?")[0]} attempt ${attempt} failed (${describeJsonFailure(outcome)}), retrying`);
    await retry.sleep(retry.delayMs(attempt), request.signal);
    if (request.signal?.aborted) break;
  }
  return outcome!;
}

function retryable(outcome: Exclude<AwsJsonOutcome, { ok: true }>): boolean {
  if (outcome.kind === "parse") return false;
  // A CA bundle that cannot be read (kind config) fails alike every time.
  if (outcome.kind === "transport") return !outcome.aborted && (outcome.cause as TransportError | undefined)?.kind !== "config";
  return RETRY_STATUS.has(outcome.status) || THROTTLING.has(outcome.code);
}

async function attemptOnce(ctx: ProviderContext, request: HttpRequest): Promise<AwsJsonOutcome> {
  let response;
  try {
    response = await ctx.transport(request);
  } catch (error) {
    const aborted = (error instanceof TransportError && error.kind === "aborted") || request.signal?.aborted === true;
    return { ok: false, kind: "transport", reason: aborted ? "the request was aborted" : transportReason(error, request.timeoutMs), aborted, cause: error };
  }
  let parsed: unknown;
  try {
    parsed = response.body.trim() === "" ? undefined : JSON.parse(response.body);
  } catch {
    parsed = undefined;
  }
  if (response.status >= 200 && response.status < 300) {
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, kind: "parse", status: response.status, reason: `the ${response.status} response is not a JSON object` };
    }
    return { ok: true, body: parsed as Record<string, unknown> };
  }
  const doc = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const header = response.headers["x-amzn-errortype"];
  const rawCode =
    (header && header.split(":")[0]) ||
    (typeof doc.__type === "string" && doc.__type.split("#").pop()) ||
    (typeof doc.code === "string" && doc.code) ||
    (typeof doc.error === "string" && doc.error) ||
    String(response.status);
  const message = [doc.message, doc.Message, doc.error_description].find((m): m is string => typeof m === "string");
  // The server's words: every message that quotes them gets them redacted and short.
  return { ok: false, kind: "service", status: response.status, code: quoteUntrusted(rawCode, { max: 100 }), message: message && quoteUntrusted(message) };
}

function transportReason(error: unknown, timeoutMs: number | undefined): string {
  // A CA bundle that cannot be read says so itself (transportFailure, in every metadata bundle, never sees one).
  if (error instanceof TransportError) return error.kind == "config" ? error.detail! : transportFailure(error, timeoutMs);
  return `request failed (${quoteUntrusted(String((error as Error)?.message ?? error))})`;
}

/**
 * A one-line description of a failed call, without bodies of successful answers.
 *
 * @example
 * ```ts
 * describeJsonFailure({ ok: false, kind: "service", status: 403, code: "ForbiddenException" }); // "ForbiddenException (HTTP 403)"
 * ```
 */
export function describeJsonFailure(outcome: Exclude<AwsJsonOutcome, { ok: true }>): string {
  if (outcome.kind === "service") return `${outcome.code} (HTTP ${outcome.status})${outcome.message ? `: ${outcome.message}` : ""}`;
  return outcome.reason;
}

/**
 * A provider's `maxAttempts` and `sleep` options as a policy: at least one attempt (`fallback` when
 * unset), botocore's legacy backoff between them, `setTimeout` unless a test injects a sleep.
 *
 * @example
 * ```ts
 * retryPolicy({ maxAttempts: undefined }, 5).maxAttempts; // 5
 * ```
 */
export function retryPolicy(init: { maxAttempts?: number | undefined; sleep?: RetryPolicy["sleep"] | undefined }, fallback: number): RetryPolicy {
  return { maxAttempts: Math.max(1, init.maxAttempts ?? fallback), delayMs: legacyBackoff(), sleep: init.sleep ?? sleep };
}

/**
 * botocore's legacy backoff: `random() * 2 ** (attempt - 1)` seconds.
 *
 * @example
 * ```ts
 * legacyBackoff(() => 0.5)(3); // 2000
 * ```
 */
export function legacyBackoff(random: () => number = Math.random): (attempt: number) => number {
  return (attempt) => random() * 2 ** (attempt - 1) * 1000;
}

