/** One HTTP exchange, small enough for credential endpoints (bodies are read whole). */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Milliseconds for the whole exchange, body included. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
}

/** The seam between providers and the network; inject one in tests or to add a proxy. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export type TransportErrorKind = "timeout" | "aborted" | "network" | "too-large";

/** A request that produced no response. Providers wrap it in their own coded error. */
export class TransportError extends Error {
  readonly kind: TransportErrorKind;
  readonly url: string;
  constructor(kind: TransportErrorKind, url: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "TransportError";
    this.kind = kind;
    this.url = url;
  }
}

export interface FetchTransportOptions {
  /** Default: the global `fetch` (Node's built-in undici, no bundle cost). */
  fetch?: typeof globalThis.fetch;
  /** Responses larger than this fail with kind `too-large`. Default: 1 MiB. */
  maxBodyBytes?: number;
}

/** The default transport: Node's built-in `fetch`, a per-request timeout, the caller's AbortSignal. */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return async (request) => {
    const doFetch = options.fetch ?? globalThis.fetch;
    const signals: AbortSignal[] = [];
    if (request.signal) signals.push(request.signal);
    if (request.timeoutMs !== undefined) signals.push(AbortSignal.timeout(request.timeoutMs));
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        ...(request.headers && { headers: request.headers }),
        ...(request.body !== undefined && { body: request.body }),
        ...(signal && { signal }),
        redirect: "manual",
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: response.status, headers, body: await readCapped(response, maxBodyBytes, request.url) };
    } catch (error) {
      throw toTransportError(error, request);
    }
  };
}

async function readCapped(response: Response, max: number, url: string): Promise<string> {
  if (!response.body) return "";
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new TransportError("too-large", url, `response from ${url} is larger than ${max} bytes`);
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * Why a request produced no response, in words for notes and messages (no URL, no secret).
 *
 * @example
 * ```ts
 * transportFailure(new TransportError("timeout", url, "…"), 1000); // "no response within 1000 ms"
 * ```
 */
export function transportFailure(error: TransportError, timeoutMs: number): string {
  if (error.kind === "timeout") return `no response within ${timeoutMs} ms`;
  if (error.kind === "too-large") return "the response was too large";
  // fetch's own error is "fetch failed"; the socket's code (ECONNREFUSED, ECONNRESET) is one level down.
  const inner = (error.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return `connection failed (${inner?.code ?? inner?.message ?? "network error"})`;
}

function toTransportError(error: unknown, request: HttpRequest): TransportError {
  if (error instanceof TransportError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (request.signal?.aborted) return new TransportError("aborted", request.url, `request to ${request.url} was aborted`, error);
  if (name === "TimeoutError" || name === "AbortError") {
    return new TransportError("timeout", request.url, `request to ${request.url} timed out after ${request.timeoutMs} ms`, error);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
  return new TransportError("network", request.url, `request to ${request.url} failed: ${detail}`, error);
}
