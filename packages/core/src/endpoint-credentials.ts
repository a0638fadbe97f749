import { AWS_API_FIELD_NAMES, createCredentials, type Credentials, type CredentialSource } from "./credentials.js";
import { CredchainError, type CredchainErrorOptions } from "./errors.js";
import { NOT_A_TIMESTAMP, parseTimestamp } from "./parse-timestamp.js";
import { quoteUntrusted } from "./redact.js";
import { TransportError, transportFailure, type HttpRequest, type HttpResponse, type Transport } from "./transport.js";

const KEYS = ["AccessKeyId", "SecretAccessKey", "Token", "Expiration"] as const;

/**
 * botocore's CredentialRetrievalError: `Error when retrieving credentials from <source>: <reason>`.
 *
 * @example
 * ```ts
 * throw retrievalError("container-role", "received non 200 response 500", { status: 500 });
 * ```
 */
export function retrievalError(source: CredentialSource, reason: string, more?: Partial<CredchainErrorOptions>): CredchainError {
  return new CredchainError({ code: "CredentialRetrieval", message: `Error when retrieving credentials from ${source}: ${reason}`, source, ...more });
}

/**
 * The credentials in a metadata endpoint's JSON answer (IMDS, container), or why there are none:
 * `[reason, fatal]`, `fatal` where botocore raises (a JSON null, number or boolean: TypeError; an
 * Expiration that is no ISO 8601 time with a zone) rather than finding nothing. IMDS answers 200
 * with `Code` when EC2 cannot assume the role; the reason names it ({@link quoteUntrusted}). Never
 * quotes a secret. A value holding a control character throws `CredentialRetrieval` naming the
 * field and `where`.
 *
 * @example
 * ```ts
 * documentCredentials(JSON.parse(body), "container-role", true, "the response from http://169.254.170.2/v2/credentials/…");
 * ```
 */
export function documentCredentials(doc: unknown, source: CredentialSource, withAccountId: boolean, where?: string): Credentials | [reason: string, fatal?: boolean] {
  if (typeof doc != "object" || !doc || Array.isArray(doc)) return ["is not a JSON object", typeof doc != "string" && !Array.isArray(doc)];
  const d = doc as Record<string, unknown>;
  // One pass when all is well; the lists only for the message.
  if (KEYS.some((k) => typeof d[k] != "string")) {
    const missing = KEYS.filter((k) => !(k in d));
    if (missing.length) return [`has no ${missing.join(", ")}${typeof d.Code == "string" ? ` (Code ${JSON.stringify(quoteUntrusted(d.Code))})` : ""}`];
    return [`has ${KEYS.filter((k) => typeof d[k] != "string").join(", ")} that is not a string`];
  }
  const expiration = parseTimestamp(d.Expiration as string);
  if (!expiration) return [`has an Expiration that ${NOT_A_TIMESTAMP}`, true];
  return createCredentials(
    {
      accessKeyId: d.AccessKeyId as string,
      secretAccessKey: d.SecretAccessKey as string,
      sessionToken: d.Token as string,
      expiration,
      accountId: (withAccountId && typeof d.AccountId == "string" && d.AccountId) || undefined,
      source,
    },
    { ...AWS_API_FIELD_NAMES, sessionToken: "Token", where },
  );
}

/**
 * One request to a metadata endpoint: the response, or why there was none in words
 * ({@link transportFailure}; `timeout` tells a timeout apart). An abort by the caller fails with
 * `CredentialRetrieval` at once. Marks `request` `direct`: never through a proxy, whatever the transport.
 *
 * @example
 * ```ts
 * const res = await tryRequest(transport, { method: "GET", url, timeoutMs: 1000 }, "iam-role");
 * if (typeof res === "string") console.log(res); // "connection failed (ECONNREFUSED)"
 * ```
 */
export async function tryRequest(transport: Transport, request: HttpRequest, source: CredentialSource): Promise<HttpResponse | TransportFailure> {
  // Marked on the caller's object, made for this call (a copy costs more than the provider's own work).
  request.direct = true;
  try {
    return await transport(request);
  } catch (cause) {
    if (request.signal?.aborted || (cause as TransportError)?.kind === "aborted") throw retrievalError(source, "the request was aborted", { cause });
    return { reason: transportFailure(cause, request.timeoutMs), timeout: (cause as TransportError)?.kind === "timeout" };
  }
}

/** A request that got no response: why, and whether it timed out. */
export interface TransportFailure {
  reason: string;
  timeout: boolean;
}
