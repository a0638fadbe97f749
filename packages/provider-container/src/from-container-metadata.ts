import {
  createCredentials,
  CredchainError,
  notFound,
  resolveContext,
  TransportError,
  transportFailure,
  type CredentialProvider,
  type ProviderContext,
  type ProviderContextInit,
} from "@credchain/core";
import { readAuthorizationToken } from "./read-authorization-token.js";
import {
  AWS_CONTAINER_CREDENTIALS_FULL_URI,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  redactUrl,
  resolveContainerEndpoint,
} from "./resolve-container-endpoint.js";

/** botocore's ContainerMetadataFetcher.TIMEOUT_SECONDS, in ms. */
export const DEFAULT_CONTAINER_TIMEOUT_MS = 2000;
/** botocore's ContainerMetadataFetcher.RETRY_ATTEMPTS (attempts in all, not retries). */
export const DEFAULT_CONTAINER_MAX_ATTEMPTS = 3;
/** botocore's ContainerMetadataFetcher.SLEEP_TIME, in ms. */
export const DEFAULT_CONTAINER_RETRY_DELAY_MS = 1000;

export interface ContainerMetadataInit extends ProviderContextInit {
  /** Per-attempt timeout. Default: 2000 (botocore's `TIMEOUT_SECONDS`). No env var, as in botocore. */
  timeoutMs?: number;
  /** Attempts in all before giving up. Default: 3 (botocore's `RETRY_ATTEMPTS`). */
  maxAttempts?: number;
  /** Pause after a failed attempt. Default: 1000 (botocore's `SLEEP_TIME`). */
  retryDelayMs?: number;
  /** How to pause; tests inject an instant one. Default: `setTimeout`, cut short by the call's signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const SOURCE = "container-role";
/** botocore's CredentialRetrievalError wording, so messages read the same. */
const RETRIEVAL = "Error when retrieving credentials from container-role: ";

/**
 * Credentials from the ECS task role or EKS Pod Identity endpoint, as botocore's
 * ContainerProvider: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on `http://169.254.170.2`) or
 * AWS_CONTAINER_CREDENTIALS_FULL_URI, with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (re-read on
 * every call) or AWS_CONTAINER_AUTHORIZATION_TOKEN as the Authorization header.
 *
 * Neither URI variable set: `notFound` (the chain moves on). A disallowed URL or a token with a
 * line break: `InvalidConfig`. The endpoint failing all attempts (non-200, bad JSON, timeouts,
 * connection errors) or answering without AccessKeyId, SecretAccessKey, Token and Expiration:
 * `CredentialRetrieval`, with the status and URL, never the token. Each call fetches; caching
 * and refresh belong to `withRefresh` from `@credchain/refresh-manager`.
 *
 * @example
 * ```ts
 * import { fromContainerMetadata } from "@credchain/provider-container";
 *
 * const provider = fromContainerMetadata();
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromContainerMetadata(init: ContainerMetadataInit = {}): CredentialProvider {
  const timeoutMs = init.timeoutMs ?? DEFAULT_CONTAINER_TIMEOUT_MS;
  const maxAttempts = Math.max(1, init.maxAttempts ?? DEFAULT_CONTAINER_MAX_ATTEMPTS);
  const retryDelayMs = init.retryDelayMs ?? DEFAULT_CONTAINER_RETRY_DELAY_MS;
  const sleep = init.sleep ?? defaultSleep;

  const ctx = resolveContext(init);
  return async (callOptions) => {
    const endpoint = resolveContainerEndpoint(ctx.env);
    if (!endpoint) {
      throw notFound(SOURCE, `neither ${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} nor ${AWS_CONTAINER_CREDENTIALS_FULL_URI} is set`, {
        envVars: [AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, AWS_CONTAINER_CREDENTIALS_FULL_URI],
      });
    }
    const shownUrl = redactUrl(endpoint.url);
    const signal = callOptions?.signal;

    let lastFailure: AttemptFailure | undefined;
    let token: string | undefined;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // Read per attempt, as botocore builds headers per fetch: EKS rotates the token file.
      token = await readAuthorizationToken(ctx);
      const outcome = await attemptFetch(ctx, endpoint.url, token, timeoutMs, signal);
      if (outcome.ok) return toCredentials(outcome.body, shownUrl, ctx);
      lastFailure = outcome;
      ctx.logger.debug(`container-role: attempt ${attempt}/${maxAttempts} at ${shownUrl} failed: ${redactToken(outcome.reason, token)}`);
      if (outcome.aborted) break;
      // botocore also sleeps after the last attempt; that only delays the same failure.
      if (attempt < maxAttempts) await sleep(retryDelayMs, signal);
    }
    const failure = lastFailure!;
    throw new CredchainError({
      code: "CredentialRetrieval",
      message: redactToken(
        `${RETRIEVAL}${failure.reason} from ${shownUrl}` +
          (failure.aborted ? "" : ` (${maxAttempts} attempt${maxAttempts === 1 ? "" : "s"})`),
        token,
      ),
      source: SOURCE,
      key: endpoint.envVar,
      status: failure.status,
      cause: failure.cause,
    });
  };
}

type AttemptFailure = { ok: false; reason: string; status?: number; aborted?: boolean; cause?: unknown };
type AttemptOutcome = { ok: true; body: unknown } | AttemptFailure;

async function attemptFetch(
  ctx: ProviderContext,
  url: string,
  token: string | undefined,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token !== undefined) headers.authorization = token;
  let response;
  try {
    response = await ctx.transport({ method: "GET", url, headers, timeoutMs, ...(signal && { signal }) });
  } catch (error) {
    const aborted = (error instanceof TransportError && error.kind === "aborted") || signal?.aborted === true;
    const detail = error instanceof TransportError ? transportFailure(error, timeoutMs) : `request failed (${(error as Error)?.message ?? error})`;
    return { ok: false, reason: aborted ? "the request was aborted" : detail, aborted, cause: error };
  }
  if (response.status !== 200) {
    const snippet = response.body.trim().slice(0, 200);
    return {
      ok: false,
      reason: `received non 200 response ${response.status}${snippet ? ` (${JSON.stringify(snippet)})` : ""}`,
      status: response.status,
    };
  }
  try {
    return { ok: true, body: JSON.parse(response.body) as unknown };
  } catch {
    // Never quote a 200 body, nor keep JSON.parse's error as the cause (it quotes the body):
    // it may be credentials cut short.
    return { ok: false, reason: "unable to parse the JSON returned", status: 200 };
  }
}

const REQUIRED = ["AccessKeyId", "SecretAccessKey", "Token", "Expiration"] as const;

function toCredentials(body: unknown, url: string, ctx: ProviderContext) {
  const fail = (message: string) =>
    new CredchainError({ code: "CredentialRetrieval", message: `${RETRIEVAL}the response from ${url} ${message}`, source: SOURCE });
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw fail("is not a JSON object");
  const doc = body as Record<string, unknown>;
  // botocore indexes these four and fails with KeyError when one is missing.
  const missing = REQUIRED.filter((k) => typeof doc[k] !== "string");
  if (missing.length > 0) throw fail(`has no ${missing.join(", ")}`);
  const expiration = new Date(doc.Expiration as string);
  if (isNaN(+expiration)) throw fail("has an Expiration that is not a date");
  if (expiration.getTime() <= ctx.now()) ctx.logger.warn(`container-role: the credentials from ${url} expired at ${expiration.toISOString()}`);
  ctx.logger.debug(`container-role: credentials from ${url}, expiring ${expiration.toISOString()}`);
  return createCredentials({
    accessKeyId: doc.AccessKeyId as string,
    secretAccessKey: doc.SecretAccessKey as string,
    sessionToken: doc.Token as string,
    expiration,
    accountId: (typeof doc.AccountId === "string" && doc.AccountId) || undefined,
    source: SOURCE,
  });
}

function redactToken(text: string, token: string | undefined): string {
  return token && token.length >= 4 ? text.split(token).join("[redacted]") : text;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
