import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { readCaBundle, type CaBundle } from "./ca-bundle.js";
import { directTransport, openRequest, type DirectTransportOptions } from "./direct-transport.js";
import { envProxies, proxyFor } from "./env-proxies.js";
import { exchange, nodeHttp, type OnStop } from "./http-exchange.js";
import type { Env } from "./local-context.js";
import { isNeverProxied } from "./never-proxied.js";
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from "./transport.js";

export interface HttpTransportOptions extends DirectTransportOptions {
  /**
   * `"env"`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (any case, as botocore reads them) from `env`.
   * `false`: never a proxy. A URL: every request through it. Whatever this says, a request marked
   * `direct` (IMDS, the container endpoint) and the hosts `isNeverProxied` names go direct.
   * Default: `"env"`.
   */
  proxy?: "env" | false | string | URL;
  /** Where the proxy variables are read, on the first request. Default: `process.env`. */
  env?: Env;
  /**
   * A PEM file of certificate authorities trusted for `https:` in place of Node's (botocore's
   * `ca_bundle`), read on the first `https:` request (none for `http:` URLs) and kept. A file that
   * cannot be read or holds no certificate fails the request with kind `config`, naming the file
   * (and `from`); the next request reads it again. `ca`, when given, wins. Default: none.
   */
  caBundle?: string | CaBundle | undefined;
}

/**
 * The default transport of every provider: node:http / node:https (loaded on the first request)
 * with keep-alive sockets, a whole-exchange `timeoutMs`, the caller's `signal`, a 1 MiB body cap
 * and no redirects followed, and calls to AWS APIs (STS, SSO, sign-in) through the proxy the
 * environment names, as botocore: `https:` through HTTPS_PROXY with CONNECT, `http:` through
 * HTTP_PROXY in absolute form, NO_PROXY hosts direct, `user:password@` in the proxy URL sent as
 * Proxy-Authorization (and never shown in a message). Requests marked `direct` never use a proxy.
 *
 * @example
 * ```ts
 * import { httpTransport } from "@credchain/core";
 * import { fromWebIdentity } from "@credchain/provider-sts";
 *
 * const provider = fromWebIdentity({ transport: httpTransport({ proxy: "http://proxy.internal:3128" }) });
 * ```
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const { caBundle } = options;
  if (caBundle && options.ca === undefined) return withCaBundle(typeof caBundle == "string" ? { path: caBundle } : caBundle, options);
  const direct = directTransport(options);
  const setting = options.proxy ?? "env";
  let proxies: Record<string, string> | undefined;
  return (request) => {
    if (request.direct || setting === false) return direct(request);
    const proxy =
      setting === "env"
        ? proxyFor(request.url, (proxies ??= envProxies(options.env ?? process.env)))
        : isNeverProxied(new URL(request.url).hostname)
          ? undefined
          : String(setting);
    return proxy ? viaProxy(request, proxy, options) : direct(request);
  };
}

/** `httpTransport` trusting the bundle's certificates for `https:`, the bundle read on the first such request. */
function withCaBundle(bundle: CaBundle, options: HttpTransportOptions): Transport {
  const plain = httpTransport({ ...options, caBundle: undefined });
  let secure: Promise<Transport> | undefined;
  return async (request) => {
    if (!/^https:/i.test(request.url)) return plain(request);
    let transport: Transport;
    try {
      transport = await (secure ??= readCaBundle(bundle).then((ca) => httpTransport({ ...options, caBundle: undefined, ca })));
    } catch (error) {
      // Read again next time: the file may be fixed meanwhile, as botocore reads it per connection.
      secure = undefined;
      const detail = (error as Error).message;
      throw new TransportError("config", request.url, `request to ${request.url} failed (${detail})`, error, detail);
    }
    try {
      return await transport(request);
    } catch (error) {
      // A certificate refused: say which authorities were trusted, the likely cause.
      const e = error as TransportError;
      if (e.kind != "network" || !/CERT|UNABLE_TO|SELF_SIGNED/.test(String(e.detail))) throw e;
      const detail = `${e.detail}, trusting only the CA bundle ${bundle.path}${bundle.from ? ` named by ${bundle.from}` : ""}`;
      throw new TransportError("network", request.url, `request to ${request.url} failed (${detail})`, e.cause, detail);
    }
  };
}

/** A proxy URL for messages: scheme, host and port, never the user info. */
const shown = (proxy: URL) => `${proxy.protocol}//${proxy.host}`;

async function viaProxy(request: HttpRequest, proxyUrl: string, options: DirectTransportOptions): Promise<HttpResponse> {
  const proxy = URL.canParse(proxyUrl) ? new URL(proxyUrl) : undefined;
  if (!proxy || !/^https?:$/.test(proxy.protocol)) {
    // Not quoted: the value may hold a password.
    const scheme = request.url.slice(0, request.url.indexOf(":")).toLowerCase();
    const detail = `the proxy for ${scheme}: URLs (${scheme.toUpperCase()}_PROXY or ${scheme}_proxy, or the proxy option) is not an http: or https: URL`;
    throw new TransportError("network", request.url, `request to ${request.url} failed (${detail})`, undefined, detail);
  }
  const target = new URL(request.url);
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  // As botocore: only a user and a password together make Proxy-Authorization.
  const auth: Record<string, string> = user && password ? { "proxy-authorization": `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` } : {};
  const { method, headers } = request;
  try {
    return await exchange(request, options.maxBodyBytes, async (onStop) => {
      // Plain http: the request itself goes to the proxy, with the absolute URL as its target.
      if (target.protocol == "http:") {
        return openRequest(proxy.href, { method, headers: { host: target.host, ...headers, ...auth }, body: request.body }, options, request.url);
      }
      const socket = await tunnel(proxy, target, auth, onStop, options);
      const host = target.hostname;
      return nodeHttp(true).request(request.url, {
        method,
        headers,
        createConnection: () =>
          process.getBuiltinModule("node:tls").connect({ socket, host, servername: /^[\d.]+$|^\[/.test(host) ? "" : host, ca: options.ca }),
      });
    });
  } catch (e) {
    const error = e as TransportError;
    if (error.kind != "network") throw error;
    const detail = `proxy ${shown(proxy)}: ${error.detail}`;
    throw new TransportError("network", request.url, `request to ${request.url} failed (${detail})`, error.cause, detail);
  }
}

/** A CONNECT tunnel to `target` through `proxy`: the socket once the proxy answers 200. */
function tunnel(proxy: URL, target: URL, auth: Record<string, string>, onStop: OnStop, options: DirectTransportOptions): Promise<Socket> {
  const authority = `${target.hostname}:${target.port || 443}`;
  return new Promise((resolve, reject) => {
    const req = nodeHttp(proxy.protocol == "https:").request(proxy, { method: "CONNECT", path: authority, headers: { host: authority, ...auth }, agent: false, ca: options.ca, lookup: options.lookup });
    onStop(() => {
      req.destroy();
      reject(new Error("stopped"));
    });
    req.on("connect", (res: IncomingMessage, socket: Socket) => {
      if (res.statusCode == 200) return resolve(socket);
      socket.destroy();
      reject(new Error(`answered CONNECT with ${res.statusCode} ${res.statusMessage}`));
    });
    req.on("error", reject);
    req.end();
  });
}
