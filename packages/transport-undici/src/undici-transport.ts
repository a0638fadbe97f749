import { TransportError, type Env, type HttpRequest, type Transport } from "@credchain/core";
import { isNeverProxied, transportError } from "@credchain/core/http";
import { Agent, EnvHttpProxyAgent, ProxyAgent, request as undiciRequest, type Dispatcher } from "undici";

export interface UndiciTransportOptions {
  /**
   * `"env"`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or their lower-case forms) from `env`.
   * `false`: never a proxy. A URL: every request through that proxy. Whatever this says, requests
   * marked `direct` (IMDS, the container endpoint), link-local and loopback hosts are reached directly.
   * Default: `"env"`.
   */
  proxy?: "env" | false | string | URL;
  /** Where the proxy variables are read, once, when the transport is created. Default: `process.env`. */
  env?: Env;
  /** Responses larger than this fail with kind `too-large`. Default: 1 MiB (as `fetchTransport`). */
  maxBodyBytes?: number;
  /** How long an idle connection is kept for reuse. Default: undici's 4000 ms. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. Default: unlimited (undici's default). */
  connections?: number;
  /** Time to establish a connection (TCP + TLS). Default: undici's 10 000 ms. */
  connectTimeoutMs?: number;
}

/** A `Transport` with keep-alive connections; `close()` ends them. */
export type UndiciTransport = Transport & {
  /** Closes every pooled connection; the transport must not be used afterwards. */
  close(): Promise<void>;
  /** The dispatcher a request to `url` goes through (direct or proxied): for tests and diagnostics. */
  dispatcherFor(url: string | URL, direct?: boolean): Dispatcher;
};

/**
 * A credchain transport on undici: keep-alive connection pools, and a proxy from HTTPS_PROXY /
 * HTTP_PROXY / NO_PROXY for calls to AWS APIs. The instance metadata service, container credential
 * endpoints (requests marked `direct`) and loopback hosts are always reached directly. Same semantics
 * as core's transports: whole-exchange `timeoutMs`, the caller's `signal`, a body cap, no redirects
 * followed, and errors classified as theirs (`transportError`: kinds `timeout`, `aborted`,
 * `network` with the socket's code in `detail`, `too-large`).
 *
 * @example
 * ```ts
 * import { undiciTransport } from "@credchain/transport-undici";
 *
 * const transport = undiciTransport(); // HTTPS_PROXY / HTTP_PROXY / NO_PROXY from process.env
 * const res = await transport({ method: "GET", url: "https://sts.amazonaws.com/ping", timeoutMs: 5000 });
 * // any provider: fromContainerMetadata({ transport })
 * ```
 */
export function undiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const agentOptions: Agent.Options = {
    ...(options.keepAliveTimeoutMs !== undefined && { keepAliveTimeout: options.keepAliveTimeoutMs }),
    ...(options.connections !== undefined && { connections: options.connections }),
    ...(options.connectTimeoutMs !== undefined && { connect: { timeout: options.connectTimeoutMs } }),
  };
  const direct = new Agent(agentOptions);
  const { dispatcher: proxied, protocols } = proxyDispatcher(options.proxy ?? "env", options.env ?? process.env, agentOptions);

  const dispatcherFor = (url: string | URL, never?: boolean): Dispatcher => {
    const { protocol, hostname } = new URL(url);
    return proxied && !never && protocols.includes(protocol) && !isNeverProxied(hostname) ? proxied : direct;
  };

  const transport = async (request: HttpRequest) => {
    const signals: AbortSignal[] = [];
    if (request.signal) signals.push(request.signal);
    // A ref'd timer (AbortSignal.timeout is unref'd): a pending request keeps the process alive
    // until it answers or times out, instead of the process exiting with the promise unsettled.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new AbortController();
    if (request.timeoutMs !== undefined) {
      timer = setTimeout(() => timeout.abort(new DOMException("timed out", "TimeoutError")), request.timeoutMs);
      signals.push(timeout.signal);
    }
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
      signal?.throwIfAborted();
      const response = await undiciRequest(request.url, {
        dispatcher: dispatcherFor(request.url, request.direct),
        method: request.method as Dispatcher.HttpMethod,
        ...(request.headers && { headers: request.headers }),
        ...(request.body !== undefined && { body: request.body }),
        ...(signal && { signal }),
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
      }
      return { status: response.statusCode, headers, body: await readCapped(response.body, maxBodyBytes, request.url) };
    } catch (error) {
      throw transportError(error, request, timeout.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  };

  return Object.assign(transport, {
    dispatcherFor,
    async close() {
      await Promise.all([direct.close(), proxied?.close()]);
    },
  });
}

function proxyDispatcher(
  proxy: "env" | false | string | URL,
  env: Env,
  agentOptions: Agent.Options,
): { dispatcher?: Dispatcher; protocols: string[] } {
  if (proxy === false) return { protocols: [] };
  if (proxy !== "env") return { dispatcher: new ProxyAgent({ ...agentOptions, uri: String(proxy) }), protocols: ["http:", "https:"] };
  // Empty strings, not undefined: undici would otherwise fall back to process.env.
  const httpProxy = env.http_proxy || env.HTTP_PROXY || "";
  const httpsProxy = env.https_proxy || env.HTTPS_PROXY || "";
  // As botocore (urllib's getproxies): HTTP_PROXY is for http: URLs only; undici alone would
  // also use it for https: when HTTPS_PROXY is unset.
  const protocols = [...(httpProxy ? ["http:"] : []), ...(httpsProxy ? ["https:"] : [])];
  if (protocols.length === 0) return { protocols };
  const noProxy = env.no_proxy || env.NO_PROXY || "";
  return { dispatcher: new EnvHttpProxyAgent({ ...agentOptions, httpProxy, httpsProxy, noProxy }), protocols };
}

async function readCapped(body: Dispatcher.ResponseData["body"], max: number, url: string): Promise<string> {
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) {
      body.destroy();
      throw new TransportError("too-large", url, `response from ${url} is larger than ${max} bytes`);
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
