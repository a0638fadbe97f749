import { TransportError, transportError, type Transport } from "./transport.js";

export interface FetchTransportOptions {
  /** Default: the global `fetch` (Node's built-in undici, no bundle cost). */
  fetch?: typeof globalThis.fetch;
  /** Responses larger than this fail with kind `too-large`. Default: 1 MiB. */
  maxBodyBytes?: number;
}

/**
 * A transport on Node's built-in `fetch`: a whole-exchange timeout, the caller's AbortSignal, a
 * body cap, no redirects followed, errors classified as every transport's ({@link transportError}).
 * No proxy: `fetch` ignores HTTPS_PROXY. The default is `httpTransport` (node:http, keep-alive,
 * proxies from the environment); this one is for runtimes where `fetch` is the better choice.
 *
 * @example
 * ```ts
 * import { fetchTransport } from "@credchain/core";
 * import { fromContainerMetadata } from "@credchain/provider-container";
 *
 * const provider = fromContainerMetadata({ transport: fetchTransport() });
 * ```
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const max = options.maxBodyBytes ?? 1 << 20;
  return async (request) => {
    const { method, url, headers, body, timeoutMs, signal } = request;
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
      throw transportError(error, request, timer.signal.aborted);
    } finally {
      clearTimeout(handle);
    }
  };
}
