import { quoteUntrusted, type CredentialSource, type Logger } from "@credchain/core/local";
import type { HttpResponse, Transport } from "@credchain/core";
import { tryRequest } from "@credchain/core/http";

/** The TTL asked for, as botocore's `_TOKEN_TTL`. */
export const DEFAULT_IMDS_TOKEN_TTL_SECONDS = 21600;
/** A cached token is dropped this long before IMDS would expire it, so no request carries a dying token. */
export const IMDS_TOKEN_EXPIRY_MARGIN_MS = 60_000;

const TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
/** The provider's source, on its errors and debug lines (one copy in the bundle). */
export const SOURCE: CredentialSource = "iam-role";

/** Why a request or a retrieval found nothing; `error`: throw it instead of "not here"; `status`: the last HTTP status. */
export type Miss = { reason: string; error?: Error | undefined; status?: number | undefined; bad?: boolean };

/** What one retrieval needs to talk to IMDS. */
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

/** `base` + `/` (unless it ends in one) + `path`, as botocore's `_construct_url`. */
export function imdsUrl(base: string, path: string): string {
  return base + (base.endsWith("/") ? "" : "/") + path;
}

/**
 * Up to `maxAttempts` requests of `method` to `path` under `r.base`, no pause between them;
 * `check` returns the result, or why the answer is retried (botocore's `_default_retry`: a non-200
 * or an empty body; with a JSON body expected, as `_needs_retry_for_credentials`, also one that
 * is not JSON). `stop` ends the attempts early on a failure: a token request's timeout, a 401 to
 * a token.
 */
export async function attempts<T>(
  r: ImdsRequester,
  /** What was asked, for reasons; a function, as quoting costs more than the request when all goes well. */
  what: () => string,
  method: "GET" | "PUT",
  path: string,
  headers: Record<string, string>,
  check: (res: HttpResponse) => T | string,
  stop?: (status: number | undefined, timeout: boolean) => boolean,
): Promise<T | Miss> {
  let reason = "no attempt made";
  let status: number | undefined;
  for (let attempt = 1; attempt <= r.maxAttempts; attempt++) {
    // A new request each attempt (tryRequest marks it); the headers are only read.
    const res = await tryRequest(r.transport, { method, url: imdsUrl(r.base, path), headers, timeoutMs: r.timeoutMs, signal: r.signal! }, SOURCE);
    let timeout = false;
    if ("reason" in res) {
      status = undefined;
      reason = `${what()} got ${res.reason}`;
      timeout = res.timeout;
    } else {
      r.answered = true;
      status = res.status;
      const out = check(res);
      if (typeof out != "string") return out;
      reason = `${what()} ${out}`;
    }
    if (stop?.(status, timeout)) return { reason, status };
    r.logger.debug(`${SOURCE}: ${reason} (attempt ${attempt}/${r.maxAttempts})`);
  }
  return { reason: reason + (r.maxAttempts > 1 ? ` (${r.maxAttempts} attempts)` : ""), status };
}

/**
 * botocore's `_fetch_metadata_token`: 200 → the token and its TTL; 404/403/405 → none (IMDSv1);
 * 400 → `bad` (BadIMDSRequestError, the retrieval ends); a timeout → none at once; a connection
 * error or another status → the next attempt, and none after the last. An empty token is none.
 */
export function fetchToken(r: ImdsRequester): Promise<[token: string, ttlSeconds: number] | Miss> {
  return attempts(
    r,
    () => "the token request",
    "PUT",
    "latest/api/token",
    { [TTL_HEADER]: `${DEFAULT_IMDS_TOKEN_TTL_SECONDS}` },
    ({ status, body, headers }): [string, number] | string => {
      if (status != 200) return `answered ${status}`;
      const echoed = +headers[TTL_HEADER]!;
      return body ? [body, echoed > 0 && echoed < DEFAULT_IMDS_TOKEN_TTL_SECONDS ? echoed : DEFAULT_IMDS_TOKEN_TTL_SECONDS] : "answered an empty token";
    },
    (status, timeout) => timeout || status == 200 || status == 400 || status == 403 || status == 404 || status == 405,
  ).then((out) => (Array.isArray(out) ? out : { ...out, bad: out.status == 400 }));
}

/**
 * botocore's `_get_request` for `path`: the body (parsed, with `json`), retrying as {@link attempts}.
 * `ok404`: a 404 is an answer (undefined). A 401 to a token ends at once, so a cached token that
 * IMDS forgot can be replaced. Never quotes the body: it may be credentials cut short.
 */
export function getWithRetries(r: ImdsRequester, path: string, token: string | undefined, json: boolean, ok404?: boolean): Promise<{ body: unknown } | Miss> {
  return attempts(
    r,
    // The path holds the role name IMDS listed: text credchain did not write.
    () => `GET /${quoteUntrusted(path)}`,
    "GET",
    path,
    token === undefined ? {} : { "x-aws-ec2-metadata-token": token },
    ({ status, body }) => {
      if (ok404 && status == 404) return { body: undefined };
      if (status != 200) return `answered ${status}`;
      if (!body) return "answered an empty body";
      try {
        return { body: json ? (JSON.parse(body) as unknown) : body };
      } catch {
        return "answered a body that is not valid JSON";
      }
    },
    (status) => token !== undefined && status == 401,
  );
}
