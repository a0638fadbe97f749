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

const TRANSPORT_ERROR = "TransportError";

/**
 * A request that produced no response. Providers wrap it in their own coded error. Its message
 * quotes what the network stack said (a custom transport may put a response in it), so it is
 * redacted and bounded with {@link quoteUntrusted}.
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
  constructor(kind: TransportErrorKind, url: string, message: string, cause?: unknown) {
    super(quoteUntrusted(message), cause === undefined ? undefined : { cause });
    this.name = TRANSPORT_ERROR;
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
  const max = options.maxBodyBytes ?? 1 << 20;
  return async ({ method, url, headers, body, timeoutMs, signal }) => {
    // A ref'd timer, not AbortSignal.timeout (unref'd): Node's fetch can leave a request to a
    // socket closed on accept unsettled, and the process must wait for the timeout rather than
    // exit mid-request with the promise pending.
    const timer = new AbortController();
    const handle = timeoutMs === undefined ? undefined : setTimeout(() => timer.abort(new DOMException("timed out", "TimeoutError")), timeoutMs);
    try {
      // AbortSignal.any only with a caller's signal: it costs Node 20 ~60 µs per request.
      const both = signal ? AbortSignal.any([timer.signal, signal]) : timer.signal;
      const response = await (options.fetch ?? fetch)(url, { method, headers, body, signal: both, redirect: "manual" } as RequestInit);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
        if ((size += chunk.byteLength) > max) throw new TransportError("too-large", url, `response from ${url} is over ${max} bytes`);
        chunks.push(chunk);
      }
      return { status: response.status, headers: Object.fromEntries(response.headers), body: new TextDecoder().decode(Buffer.concat(chunks)) };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      // fetch's own error is "fetch failed"; the socket's code (ECONNREFUSED, ECONNRESET) is one level down.
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } } | undefined;
      const kind = signal?.aborted ? "aborted" : e?.name === "TimeoutError" || e?.name === "AbortError" ? "timeout" : "network";
      throw new TransportError(kind, url, `request to ${url}: ${kind} (${e?.cause?.code ?? e?.cause?.message ?? e?.message ?? e})`, error);
    } finally {
      clearTimeout(handle);
    }
  };
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
  const inner = (e?.cause as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return `connection failed (${quoteUntrusted(String(inner?.code ?? inner?.message ?? (e instanceof TransportError ? "network error" : (e?.message ?? e))))})`;
}
