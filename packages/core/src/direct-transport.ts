import { exchange, keepAliveAgent, nodeHttp } from "./http-exchange.js";
import type { ClientRequest } from "node:http";
import type { LookupFunction } from "node:net";
import type { HttpRequest, Transport } from "./transport.js";

export interface DirectTransportOptions {
  /** Responses larger than this fail with kind `too-large`. Default: 1 MiB. */
  maxBodyBytes?: number;
  /**
   * Certificate authorities trusted for `https:` (PEM), in place of Node's bundled ones.
   * Default: Node's (plus NODE_EXTRA_CA_CERTS).
   */
  ca?: string | Buffer | (string | Buffer)[];
  /** How host names resolve (a proxy's included). Default: Node's `dns.lookup` (the system resolver). */
  lookup?: LookupFunction;
}

/**
 * node:http / node:https, never through a proxy: what the instance metadata service and the
 * container endpoint use by default. Keep-alive sockets shared by every transport in the process
 * (a resolution's token, role and credentials requests reuse one; idle sockets never keep the
 * process alive), a whole-exchange `timeoutMs`, the caller's `signal`, a body cap, no redirects
 * followed, errors as every transport's (`TransportError`). node:http loads on the first request.
 *
 * @example
 * ```ts
 * import { directTransport } from "@credchain/core";
 *
 * const res = await directTransport()({ method: "GET", url: "http://169.254.170.2/v2/credentials/x", timeoutMs: 2000 });
 * ```
 */
export function directTransport(options: DirectTransportOptions = {}): Transport {
  return (request) => exchange(request, options.maxBodyBytes, () => openRequest(request.url, request, options));
}

/** Where a URL's requests go, worked out once per URL. */
type Target = [tls: boolean, hostname: string, port: string, path: string, host: string];
const targets = new Map<string, Target>();
// Methods node:http sends without a length when no body is given (and without chunked encoding).
const BODILESS = /^(?:GET|HEAD|DELETE|OPTIONS|TRACE|CONNECT)$/;

/** The request to `url` (where it goes: a proxy's URL for a request in absolute form), on the shared keep-alive agent. */
export function openRequest(url: string, { method, headers, body }: Pick<HttpRequest, "method" | "headers" | "body">, options: DirectTransportOptions, path?: string): ClientRequest {
  // Kept for the next request (an IMDS resolution asks the same three each time): parsing a URL
  // costs a loopback request ~5 µs.
  let t = targets.get(url);
  if (!t) {
    if (targets.size > 31) targets.clear();
    const u = new URL(url);
    targets.set(url, (t = [u.protocol == "https:", u.hostname.replace(/^\[|\]$/g, ""), u.port, u.pathname + u.search, u.host]));
  }
  // The headers as a list, Host and Content-Length added as node:http would: it then writes them
  // at once (each still validated) instead of setting and looking them up one by one (~10 µs).
  const list: string[] = [];
  // The names given, lower-cased, each followed by a space (header names hold none).
  let seen = BODILESS.test(method) ? "content-length " : "";
  for (const name in headers) {
    seen += `${name.toLowerCase()} `;
    list.push(name, headers[name]!);
  }
  if (!/(^| )host /.test(seen)) list.push("Host", t[4]);
  if (!/(^| )(content-length|transfer-encoding) /.test(seen)) list.push("Content-Length", `${Buffer.byteLength(body ?? "")}`);
  // No Authorization from user info in the URL: botocore (urllib3) sends none either.
  return nodeHttp(t[0]).request({
    hostname: t[1],
    port: t[2],
    path: path ?? t[3],
    method,
    headers: list as unknown as Record<string, string>,
    agent: keepAliveAgent(t[0], options.lookup),
    ca: options.ca,
    lookup: options.lookup,
  });
}
