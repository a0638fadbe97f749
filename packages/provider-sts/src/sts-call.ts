import { CredchainError, quoteUntrusted, redactSecrets, type CredentialSource, type ProviderContext } from "@credchain/core/local";
import { TransportError, type HttpResponse } from "@credchain/core";
import { transportFailure } from "@credchain/core/http";
import { parseStsError } from "./parse-sts-response.js";
import { backoffMs, isRetryableResponse } from "./retry.js";
import type { StsEndpoint } from "./resolve-sts-endpoint.js";
import { signV4, type SigningKeys } from "./sigv4.js";

/** The key pair (and token) an STS request is signed with. */
export type SigningCredentials = SigningKeys;

/** What STS said when it refused: the `cause` of the CredchainError a failed call throws. */
export class StsServiceError extends Error {
  /** The STS error code (`AccessDenied`, `ExpiredToken`, …), or the HTTP status for a body without one. */
  readonly stsCode: string;
  readonly status: number;
  readonly action: string;
  readonly requestId: string | undefined;
  constructor(action: string, stsCode: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = "StsServiceError";
    this.action = action;
    this.stsCode = stsCode;
    this.status = status;
    this.requestId = requestId;
  }
}

export interface CallSettings {
  ctx: ProviderContext;
  endpoint: StsEndpoint;
  maxAttempts: number;
  timeoutMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  userAgent: string;
  source: CredentialSource | undefined;
}

/**
 * One STS Query call with retries: POSTs the form `body`, signed with `credentials` (unsigned
 * when undefined), and resolves to the body of the 200 answer. Throttling, 5xx and network
 * faults are retried with full-jitter backoff; everything else fails at once with a
 * CredentialRetrieval error naming the STS code.
 */
export async function callSts(
  settings: CallSettings,
  action: string,
  body: string,
  credentials: SigningCredentials | undefined,
  signal?: AbortSignal,
): Promise<string> {
  const { ctx, endpoint, maxAttempts } = settings;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(settings, action, body, credentials, signal, attempt);
    if (outcome.ok) return outcome.body;
    if (!outcome.retryable || attempt >= maxAttempts) throw outcome.error;
    const delay = backoffMs(attempt, settings.random);
    // Progress for a person waiting (info: the CLI shows it in a terminal), detail for a logger without info.
    const line = `sts: ${action} attempt ${attempt}/${maxAttempts} failed (${outcome.error.message}); retrying in ${Math.round(delay)} ms`;
    ctx.logger[ctx.logger.info ? "info" : "debug"]!(line);
    try {
      await settings.sleep(delay, signal);
    } catch (error) {
      throw new CredchainError({
        code: "CredentialRetrieval",
        message: `Could not call STS ${action} at ${endpoint.url}: the request was aborted`,
        source: settings.source,
        cause: error,
      });
    }
  }
}

type Outcome = { ok: true; body: string } | { ok: false; retryable: boolean; error: CredchainError };

async function attemptOnce(
  settings: CallSettings,
  action: string,
  body: string,
  credentials: SigningCredentials | undefined,
  signal: AbortSignal | undefined,
  attempt: number,
): Promise<Outcome> {
  const { ctx, endpoint } = settings;
  const fail = (message: string, status?: number, cause?: unknown) =>
    new CredchainError({ code: "CredentialRetrieval", message: message + tries(attempt), source: settings.source, status, cause });
  const request = await buildRequest(settings, body, credentials);
  let response: HttpResponse;
  try {
    response = await ctx.transport({ ...request, timeoutMs: settings.timeoutMs, ...(signal && { signal }) });
  } catch (error) {
    const aborted = signal?.aborted === true || (error instanceof TransportError && error.kind === "aborted");
    const reason = aborted
      ? "the request was aborted"
      : error instanceof TransportError
        ? error.kind === "config"
          ? error.detail
          : transportFailure(error, settings.timeoutMs)
        : quoteUntrusted(String((error as Error)?.message ?? error));
    // A CA bundle that cannot be read (kind config) fails alike every time: not retried.
    const retryable = !aborted && !(error instanceof TransportError && (error.kind === "too-large" || error.kind === "config"));
    return { ok: false, retryable, error: fail(`Could not call STS ${action} at ${endpoint.url}: ${reason}`, undefined, error) };
  }
  if (response.status === 200) return { ok: true, body: response.body };
  const parsed = parseStsError(response.body);
  // Code and message are the server's words: a proxy or a fake endpoint may put anything there.
  const code = quoteUntrusted(parsed?.code ?? String(response.status), { max: 100 });
  const message = parsed ? quoteUntrusted(parsed.message) : snippet(response.body);
  const cause = new StsServiceError(action, code, message, response.status, parsed?.requestId);
  return {
    ok: false,
    retryable: isRetryableResponse(response.status, parsed?.code),
    // botocore's ClientError wording, plus the status and the endpoint.
    error: fail(`An error occurred (${code}) when calling the ${action} operation: ${message} (HTTP ${response.status} from ${endpoint.url})`, response.status, cause),
  };
}

function tries(attempt: number): string {
  return attempt > 1 ? ` after ${attempt} attempts` : "";
}

/** A non-STS error body without its tags, redacted (tags first: they name the secrets) and short; never used for a 200. */
function snippet(body: string): string {
  return quoteUntrusted(redactSecrets(body).replace(/<[^<>]*>/g, " ")) || "(no error details)";
}

async function buildRequest(settings: CallSettings, body: string, credentials: SigningCredentials | undefined) {
  const url = new URL(settings.endpoint.url);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded; charset=utf-8",
    host: url.host,
    "user-agent": settings.userAgent,
  };
  if (credentials === undefined) return { method: "POST", url: url.href, headers, body };
  const { signingRegion } = settings.endpoint;
  const signed = signV4({ method: "POST", url, headers, body }, credentials, signingRegion, "sts", new Date(settings.ctx.now()));
  return { method: "POST", url: url.href, headers: signed, body };
}
