import { notFound, quoteUntrusted, redactSecrets, type CredentialProvider, type ProviderContextInit } from "@credchain/core/local";
import { documentCredentials, resolveDirectContext, retrievalError, sleep, tryRequest } from "@credchain/core/http";
import { readAuthorizationToken } from "./read-authorization-token.js";
import {
  AWS_CONTAINER_CREDENTIALS_FULL_URI,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  resolveContainerEndpoint,
  SOURCE,
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
  const pause = init.sleep ?? sleep;
  const ctx = resolveDirectContext(init);
  const { logger } = ctx;

  return async (callOptions) => {
    const endpoint = resolveContainerEndpoint(ctx.env);
    if (!endpoint) {
      const envVars = [AWS_CONTAINER_CREDENTIALS_RELATIVE_URI, AWS_CONTAINER_CREDENTIALS_FULL_URI];
      throw notFound(SOURCE, `neither ${envVars.join(" nor ")} is set`, { envVars });
    }
    const { url } = endpoint;
    // The URL as messages show it: no user info, no token in a query.
    const shown = redactedUrl(url);
    const signal = callOptions?.signal;
    let reason = "";
    let status: number | undefined;
    let token: string | undefined;

    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      // Read per attempt, as botocore builds headers per fetch: EKS rotates the token file.
      token = await readAuthorizationToken(ctx);
      const res = await tryRequest(ctx.transport, { method: "GET", url, headers: token === undefined ? { accept: "application/json" } : { accept: "application/json", authorization: token }, timeoutMs, signal: signal! }, SOURCE);
      status = undefined;
      reason = "";
      if ("reason" in res) {
        reason = res.reason;
      } else if ((status = res.status) != 200) {
        // The endpoint may echo the token, or credentials, in an error body.
        const snippet = quoteUntrusted(res.body, { known: [token] });
        reason = `received non 200 response ${status}${snippet && ` (${JSON.stringify(snippet)})`}`;
      } else {
        let doc;
        try {
          doc = JSON.parse(res.body) as unknown;
        } catch {
          // Never quote a 200 body, nor keep JSON.parse's error (it quotes the body): it may be credentials cut short.
          reason = "unable to parse the JSON returned";
        }
        if (!reason) {
          // botocore indexes the four fields: a missing one is a KeyError at once, not a retry.
          const c = documentCredentials(doc, SOURCE, true, `the response from ${shown}`);
          if (Array.isArray(c)) throw retrievalError(SOURCE, `the response from ${shown} ${c[0]}`);
          const expiry = c.expiration!.toISOString();
          if (+c.expiration! <= ctx.now()) logger.warn(`${SOURCE}: the credentials from ${shown} expired at ${expiry}`);
          logger.debug(`${SOURCE}: credentials from ${shown}, expiring ${expiry}`);
          return c;
        }
      }
      logger.debug(`${SOURCE}: attempt ${attempt}/${maxAttempts} at ${shown}: ${reason}`);
      // botocore also sleeps after the last attempt; that only delays the same failure.
      if (attempt < maxAttempts) await pause(init.retryDelayMs ?? DEFAULT_CONTAINER_RETRY_DELAY_MS, signal);
      reason = `${reason} from ${shown} (${attempt} attempt${attempt > 1 ? "s" : ""})`;
    }
    throw retrievalError(SOURCE, reason, { key: endpoint.envVar, status });
  };
}

// The last URL redacted, kept: redacting costs more than the rest of a resolution's own work,
// and a process asks the same endpoint each time.
let lastUrl: [url: string, shown: string] | undefined;
function redactedUrl(url: string): string {
  if (lastUrl?.[0] !== url) lastUrl = [url, redactSecrets(url)];
  return lastUrl[1];
}
