import { CredchainError, TransportError, transportFailure, type HttpResponse, type Logger, type Transport } from "@credchain/core";
import { imdsUrl } from "./resolve-imds-endpoint.js";

const TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
/** The TTL asked for, as botocore's `_TOKEN_TTL`. */
export const DEFAULT_IMDS_TOKEN_TTL_SECONDS = 21600;
/** A cached token is dropped this long before IMDS would expire it, so no request carries a dying token. */
export const IMDS_TOKEN_EXPIRY_MARGIN_MS = 60_000;
const NO_ATTEMPT = "no attempt was made (0 attempts configured)";

/** One retrieval's view of the endpoint: where, how patiently, and whether anything answered. */
export interface ImdsRequester {
  base: string;
  timeoutMs: number;
  maxAttempts: number;
  transport: Transport;
  logger: Logger;
  signal: AbortSignal | undefined;
  /** Set once any request got an HTTP answer: the endpoint is reachable. */
  answered?: boolean;
}

/** One request: the answer, or why there was none (a TransportError). An abort by the caller ends the whole retrieval. */
async function send(r: ImdsRequester, method: string, path: string, headers: Record<string, string>): Promise<HttpResponse | TransportError> {
  const url = imdsUrl(r.base, path);
  try {
    const response = await r.transport({ method, url, headers, timeoutMs: r.timeoutMs, ...(r.signal && { signal: r.signal }) });
    r.answered = true;
    return response;
  } catch (error) {
    if (r.signal?.aborted || (error instanceof TransportError && error.kind === "aborted")) {
      throw new CredchainError({ code: "CredentialRetrieval", message: `Error when retrieving credentials from iam-role: the request to ${url} was aborted`, source: "iam-role", cause: error });
    }
    return error instanceof TransportError ? error : new TransportError("network", url, `request to ${url} failed: ${(error as Error)?.message ?? error}`, error);
  }
}

/** A token, or why there is none; `bad`: a 400 (botocore's BadIMDSRequestError), which ends the retrieval. */
export interface TokenOutcome {
  token?: string;
  ttlSeconds?: number;
  reason?: string;
  bad?: boolean;
}

/**
 * botocore's `_fetch_metadata_token`: 200 → the token; 404/403/405 → none (IMDSv1); 400 → bad
 * request; a timeout → none at once; a connection error or another status → the next attempt,
 * and none after the last.
 */
export async function fetchToken(r: ImdsRequester): Promise<TokenOutcome> {
  let reason = NO_ATTEMPT;
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    const res = await send(r, "PUT", "latest/api/token", { [TTL_HEADER]: `${DEFAULT_IMDS_TOKEN_TTL_SECONDS}` });
    const failed = res instanceof TransportError;
    reason = `the token request ${failed ? `got ${transportFailure(res, r.timeoutMs)}` : `answered ${res.status}`}`;
    if (!failed) {
      const { status, body } = res;
      if (status === 200) {
        const echoed = Number(res.headers[TTL_HEADER]);
        // An empty token is no token: botocore then asks without one (IMDSv1).
        if (body === "") return { reason: "the token request answered an empty token" };
        return { token: body, ttlSeconds: echoed > 0 && echoed < DEFAULT_IMDS_TOKEN_TTL_SECONDS ? echoed : DEFAULT_IMDS_TOKEN_TTL_SECONDS };
      }
      if (status === 400) return { reason: `${reason} (bad request)`, bad: true };
      if (status === 404 || status === 403 || status === 405) return { reason };
    }
    r.logger.debug(`iam-role: ${reason} (attempt ${attempt}/${r.maxAttempts})`);
    // botocore gives up on the token at a read timeout, but retries connection errors.
    if (failed && res.kind === "timeout") break;
  }
  return { reason };
}

export type GetOutcome = { response: HttpResponse } | { response?: undefined; reason: string; status?: number | undefined };

/**
 * botocore's `_get_request`: up to `maxAttempts` GETs, retrying timeouts, connection errors and
 * answers botocore retries (`_default_retry`: a non-200 or an empty body; with `json`, as
 * `_needs_retry_for_credentials`, also a body that is not JSON); no pause between attempts.
 * `ok404`: a 404 is an answer. A 401 to a token is returned at once, so a cached token that IMDS
 * forgot can be replaced.
 */
export async function getWithRetries(r: ImdsRequester, path: string, token: string | undefined, json: boolean, ok404?: boolean): Promise<GetOutcome> {
  const headers: Record<string, string> = token === undefined ? {} : { "x-aws-ec2-metadata-token": token };
  let reason = NO_ATTEMPT;
  let status: number | undefined;
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    const res = await send(r, "GET", path, headers);
    let why: string;
    if (res instanceof TransportError) {
      status = undefined;
      why = `got ${transportFailure(res, r.timeoutMs)}`;
    } else {
      status = res.status;
      if (ok404 && status === 404) return { response: res };
      // Never quote the body: it may be credentials cut short.
      why = status !== 200 ? `answered ${status}` : res.body === "" ? "answered an empty body" : json && !isJson(res.body) ? "answered a body that is not valid JSON" : "";
      if (!why) return { response: res };
    }
    reason = `GET /${path} ${why}`;
    if (token !== undefined && status === 401) return { reason, status };
    r.logger.debug(`iam-role: ${reason} (attempt ${attempt}/${r.maxAttempts})`);
  }
  return { reason: reason + (r.maxAttempts > 1 ? ` (${r.maxAttempts} attempts)` : ""), status };
}

function isJson(body: string): boolean {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}
