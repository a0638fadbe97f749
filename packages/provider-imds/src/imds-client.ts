import { CredchainError, TransportError, type HttpResponse, type Logger, type Transport } from "@credchain/core";
import { imdsUrl } from "./resolve-imds-endpoint.js";

export const IMDS_TOKEN_PATH = "latest/api/token";
export const IMDS_TOKEN_TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
export const IMDS_TOKEN_HEADER = "x-aws-ec2-metadata-token";
/** The TTL asked for, as botocore's `_TOKEN_TTL`. */
export const DEFAULT_IMDS_TOKEN_TTL_SECONDS = 21600;
/** A cached token is dropped this long before IMDS would expire it, so no request carries a dying token. */
export const IMDS_TOKEN_EXPIRY_MARGIN_MS = 60_000;

/** One retrieval's view of the endpoint: where, how patiently, and whether anything answered. */
export interface ImdsRequester {
  base: string;
  timeoutMs: number;
  maxAttempts: number;
  transport: Transport;
  logger: Logger;
  signal: AbortSignal | undefined;
  /** Set once any request got an HTTP answer: the endpoint is reachable. */
  answered: boolean;
}

export type Sent = { response: HttpResponse } | { failure: TransportError };

/** One request; an abort by the caller ends the whole retrieval. */
export async function send(r: ImdsRequester, method: string, path: string, headers: Record<string, string>): Promise<Sent> {
  const url = imdsUrl(r.base, path);
  try {
    const response = await r.transport({ method, url, headers, timeoutMs: r.timeoutMs, ...(r.signal && { signal: r.signal }) });
    r.answered = true;
    return { response };
  } catch (error) {
    if (r.signal?.aborted || (error instanceof TransportError && error.kind === "aborted")) {
      throw new CredchainError({ code: "CredentialRetrieval", message: `Error when retrieving credentials from iam-role: the request to ${url} was aborted`, source: "iam-role", cause: error });
    }
    const failure = error instanceof TransportError ? error : new TransportError("network", url, `request to ${url} failed: ${(error as Error)?.message ?? error}`, error);
    return { failure };
  }
}

/** Why a request produced no answer, for notes and debug lines. */
export function describeFailure(failure: TransportError, timeoutMs: number): string {
  if (failure.kind === "timeout") return `no response within ${timeoutMs} ms`;
  if (failure.kind === "too-large") return "the response was too large";
  const inner = (failure.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return `connection failed (${inner?.code ?? inner?.message ?? "network error"})`;
}

export type TokenOutcome =
  | { kind: "token"; token: string; ttlSeconds: number }
  /** IMDSv1 is to be tried, as botocore does when `_fetch_metadata_token` returns None. */
  | { kind: "none"; reason: string }
  /** 400: botocore's BadIMDSRequestError, which ends the retrieval with no credentials. */
  | { kind: "bad-request"; reason: string };

/**
 * botocore's `_fetch_metadata_token`: 200 → the token; 404/403/405 → none (IMDSv1); 400 → bad
 * request; a timeout → none at once; a connection error or another status → the next attempt,
 * and none after the last.
 */
export async function fetchToken(r: ImdsRequester): Promise<TokenOutcome> {
  let reason = "no attempt was made (0 attempts configured)";
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    const sent = await send(r, "PUT", IMDS_TOKEN_PATH, { [IMDS_TOKEN_TTL_HEADER]: String(DEFAULT_IMDS_TOKEN_TTL_SECONDS) });
    if ("failure" in sent) {
      reason = `the token request got ${describeFailure(sent.failure, r.timeoutMs)}`;
      r.logger.debug(`iam-role: ${reason} (attempt ${attempt}/${r.maxAttempts})`);
      // botocore gives up on the token at a read timeout, but retries connection errors.
      if (sent.failure.kind === "timeout") return { kind: "none", reason };
      continue;
    }
    const { status, body, headers } = sent.response;
    if (status === 200) {
      const echoed = Number(headers[IMDS_TOKEN_TTL_HEADER]);
      const ttlSeconds = echoed > 0 && echoed < DEFAULT_IMDS_TOKEN_TTL_SECONDS ? echoed : DEFAULT_IMDS_TOKEN_TTL_SECONDS;
      // An empty token is no token: botocore then asks without one (IMDSv1).
      if (body === "") return { kind: "none", reason: "the token request answered an empty token" };
      return { kind: "token", token: body, ttlSeconds };
    }
    if (status === 404 || status === 403 || status === 405) return { kind: "none", reason: `the token request answered ${status}` };
    if (status === 400) return { kind: "bad-request", reason: "the token request answered 400 (bad request)" };
    reason = `the token request answered ${status}`;
    r.logger.debug(`iam-role: ${reason} (attempt ${attempt}/${r.maxAttempts})`);
  }
  return { kind: "none", reason };
}

export type GetOutcome =
  | { ok: true; response: HttpResponse }
  | { ok: false; reason: string; status?: number | undefined };

/**
 * botocore's `_get_request`: up to `maxAttempts` GETs, retrying timeouts, connection errors
 * and every answer `retry` refuses; no pause between attempts. A 401 to a token is returned at
 * once, so a cached token that IMDS forgot can be replaced.
 */
export async function getWithRetries(
  r: ImdsRequester,
  path: string,
  token: string | undefined,
  retry: (response: HttpResponse) => string | undefined,
): Promise<GetOutcome> {
  const headers: Record<string, string> = token === undefined ? {} : { [IMDS_TOKEN_HEADER]: token };
  let failure: { reason: string; status?: number } = { reason: "no attempt was made (0 attempts configured)" };
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    const sent = await send(r, "GET", path, headers);
    if ("failure" in sent) {
      failure = { reason: `GET /${path} got ${describeFailure(sent.failure, r.timeoutMs)}` };
    } else {
      const why = retry(sent.response);
      if (why === undefined) return { ok: true, response: sent.response };
      failure = { reason: `GET /${path} ${why}`, status: sent.response.status };
      if (token !== undefined && sent.response.status === 401) return { ok: false, ...failure };
    }
    r.logger.debug(`iam-role: ${failure.reason} (attempt ${attempt}/${r.maxAttempts})`);
  }
  return { ok: false, reason: failure.reason + (r.maxAttempts > 1 ? ` (${r.maxAttempts} attempts)` : ""), status: failure.status };
}

/** botocore's `_default_retry`: a non-200 or an empty body is retried. */
export function needsRetry(response: HttpResponse): string | undefined {
  if (response.status !== 200) return `answered ${response.status}`;
  if (response.body === "") return "answered an empty body";
  return undefined;
}

/** botocore's `_needs_retry_for_credentials`: also a body that is not JSON. */
export function needsRetryForCredentials(response: HttpResponse): string | undefined {
  const why = needsRetry(response);
  if (why !== undefined) return why;
  try {
    JSON.parse(response.body);
    return undefined;
  } catch {
    // Never quote the body: it may be credentials cut short.
    return "answered a body that is not valid JSON";
  }
}
