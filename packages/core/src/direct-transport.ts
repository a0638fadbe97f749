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

const parsed = new Map<string, URL>();
// Methods node:http sends without a length when no body is given (and without chunked encoding).
const BODILESS = /^(?:GET|HEAD|DELETE|OPTIONS|TRACE|CONNECT)$/;

/** The request to `url` (where it goes: a proxy's URL for a request in absolute form), on the shared keep-alive agent. */
export function openRequest(url: string, { method, headers, body }: Pick<HttpRequest, "method" | "headers" | "body">, options: DirectTransportOptions, path?: string): ClientRequest {
  // An options object from a parsed URL kept for the next request (an IMDS resolution asks the same
  // three each time): Node's own conversion of a URL string costs a loopback request ~5 µs more.
  let u = parsed.get(url);
  if (!u) {
    if (parsed.size > 31) parsed.clear();
    parsed.set(url, (u = new URL(url)));
  }
  const tls = u.protocol == "https:";
  // The headers as a list, Host and Content-Length included as node:http would add them: it then
  // writes them at once (each still validated) instead of setting and looking them up one by one.
  const list: string[] = [];
  let host = false;
  let length = BODILESS.test(method);
  for (const name in headers) {
    const lower = name.toLowerCase();
    host ||= lower == "host";
    length ||= lower == "content-length" || lower == "transfer-encoding";
    list.push(name, headers[name]!);
  }
  if (!host) list.push("Host", u.host);
  if (!length) list.push("Content-Length", `${body === undefined ? 0 : typeof body == "string" ? Buffer.byteLength(body) : body.byteLength}`);
  // No Authorization from user info in the URL: botocore (urllib3) sends none either.
  return nodeHttp(tls).request({
    hostname: u.hostname.replace(/^\[|\]$/g, ""),
    port: u.port,
    path: path ?? u.pathname + u.search,
    method,
    headers: list as unknown as Record<string, string>,
    agent: keepAliveAgent(tls, options.lookup),
    ca: options.ca,
    lookup: options.lookup,
  });
}
