import { quoteUntrusted } from "./redact.js";

/** One HTTP exchange, small enough for credential endpoints (bodies are read whole). */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Milliseconds for the whole exchange, body included. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Never through a proxy, whatever the environment says: the instance metadata service and the
   * container endpoint set it (a proxy cannot reach them, and must not see their credentials).
   */
  direct?: boolean;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** The seam between providers and the network; inject one in tests or to add a proxy. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * Why a request produced no response: its time ran out, the caller aborted it, the network (or a
 * proxy) failed, the answer was too large, or the transport's own configuration is unusable
 * (`config`: a CA bundle that cannot be read; retrying cannot help).
 */
export type TransportErrorKind = "timeout" | "aborted" | "network" | "too-large" | "config";

const TRANSPORT_ERROR = "TransportError";

/**
 * A request that produced no response. Providers wrap it in their own coded error. Its message
 * quotes what the network stack said (a custom transport may put a response in it), so it is
 * redacted and bounded with {@link quoteUntrusted}.
 *
 * @example
 * ```ts
 * const transport: Transport = async (request) => {
 *   try { return await send(request); } catch (error) { throw new TransportError("network", request.url, "connection failed", error, "ECONNREFUSED"); }
 * };
 * ```
 */
export class TransportError extends Error {
  /**
   * `instanceof` holds for a TransportError from any copy of core (the ESM and the CommonJS build
   * are two copies when a program loads both, and a transport from one reaches providers of the
   * other): it checks the name every TransportError is given.
   */
  static override [Symbol.hasInstance](value: unknown): value is TransportError {
    return (value as Error | null)?.name === TRANSPORT_ERROR;
  }
  readonly kind: TransportErrorKind;
  readonly url: string;
  /**
   * For kind `network`, the failure in a few words: the socket's code (`ECONNREFUSED`,
   * `ECONNRESET`, `ENOTFOUND`, a TLS code such as `DEPTH_ZERO_SELF_SIGNED_CERT`), or what a proxy
   * said; for kind `config`, what is wrong (`the CA bundle /etc/corp.pem named by env
   * AWS_CA_BUNDLE does not exist`). Redacted and bounded, as the message.
   */
  readonly detail: string | undefined;
  constructor(kind: TransportErrorKind, url: string, message: string, cause?: unknown, detail?: string) {
    super(quoteUntrusted(message), cause === undefined ? undefined : { cause });
    this.name = TRANSPORT_ERROR;
    this.kind = kind;
    this.url = url;
    this.detail = detail && quoteUntrusted(detail, { max: 200 });
  }
}

/**
 * What a transport's failure was, the same whichever transport failed (node:http, fetch, undici):
 * `aborted` when the caller's signal fired, `timeout` when the transport's own timer did, else
 * `network` with the first error code found down the `cause` chain (fetch nests the socket's
 * error one level down, undici wraps some in its own codes), or the innermost message.
 *
 * @example
 * ```ts
 * try { … } catch (error) { throw transportError(error, request, timedOut); }
 * ```
 */
export function transportError(error: unknown, request: HttpRequest, timedOut?: boolean): TransportError {
  const { url } = request;
  if (error instanceof TransportError) return error;
  if (request.signal?.aborted) return new TransportError("aborted", url, `request to ${url} was aborted`, error);
  if (timedOut) return new TransportError("timeout", url, `request to ${url} timed out after ${request.timeoutMs} ms`, error);
  const detail = errorCode(error);
  return new TransportError("network", url, `request to ${url} failed (${detail})`, error, detail);
}

/**
 * A system code (`E…`) wins over a library's own; without either, the innermost message. undici's
 * `UND_ERR_SOCKET` ("other side closed", fetch's too) is the connection closing before a whole
 * answer: what node:http calls `ECONNRESET` ("socket hang up").
 */
function errorCode(error: unknown): string {
  let code: string | undefined;
  let message: string | undefined;
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code == "string" && !(code && /^E[A-Z]/.test(code))) code = e.code;
    if (typeof e.message == "string" && e.message) message = e.message;
    e = (e.cause ?? e.errors?.[0]) as typeof e;
  }
  return (code == "UND_ERR_SOCKET" ? "ECONNRESET" : code) ?? message ?? String(error);
}

/**
 * Why a request produced no response, in words for notes and messages (no URL, no secret).
 * Anything but a TransportError (a custom transport's own error) reads as a failed connection.
 *
 * @example
 * ```ts
 * transportFailure(new TransportError("timeout", url, "…"), 1000); // "no response within 1000 ms"
 * ```
 */
export function transportFailure(error: unknown, timeoutMs?: number): string {
  const e = error as Partial<TransportError> | undefined;
  if (e?.kind === "timeout") return `no response within ${timeoutMs} ms`;
  if (e?.kind === "too-large") return "the response was too large";
  return `connection failed (${quoteUntrusted(String(e?.detail ?? (e instanceof TransportError ? "network error" : (e?.message ?? e))))})`;
}
