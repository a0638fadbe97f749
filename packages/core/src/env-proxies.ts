import type { Env } from "./local-context.js";
import { isNeverProxied } from "./never-proxied.js";

/** Proxy for `https:` URLs; `https_proxy` wins when both are set. */
export const HTTPS_PROXY = "HTTPS_PROXY";
/** Proxy for `http:` URLs (only: botocore does not use it for `https:`). */
export const HTTP_PROXY = "HTTP_PROXY";
/** Comma-separated hosts and domain suffixes reached directly, or `*` for all; `no_proxy` wins. */
export const NO_PROXY = "NO_PROXY";

/**
 * The proxies in `env` by scheme (`http`, `https`, and `no` for NO_PROXY), as Python's
 * `urllib.request.getproxies()` reads them for botocore: any `<scheme>_proxy` variable, any case;
 * one whose name ends in lower-case `_proxy` wins, and an empty one of those removes the scheme.
 * HTTP_PROXY in upper case is ignored when REQUEST_METHOD is set (a CGI request, CVE-2016-1000110).
 *
 * @example
 * ```ts
 * envProxies({ HTTPS_PROXY: "http://proxy:3128", no_proxy: ".internal" }); // { https: "http://proxy:3128", no: ".internal" }
 * ```
 */
export function envProxies(env: Env): Record<string, string> {
  const proxies: Record<string, string> = {};
  const entries = Object.entries(env);
  for (const [name, value] of entries) {
    if (value && /_proxy$/i.test(name)) proxies[name.slice(0, -6).toLowerCase()] = value;
  }
  if (env.REQUEST_METHOD !== undefined) delete proxies.http;
  for (const [name, value] of entries) {
    const scheme = name.endsWith("_proxy") && name.slice(0, -6).toLowerCase();
    if (scheme && value) proxies[scheme] = value;
    else if (scheme) delete proxies[scheme];
  }
  return proxies;
}

/**
 * Whether `netloc` (`host` or `host:port`, as the URL writes it) is reached directly under
 * NO_PROXY, as Python's `proxy_bypass_environment`: `*` alone bypasses everything; else each
 * comma-separated entry, leading dots dropped, matches the host or `host:port` exactly or as a
 * domain suffix. No wildcards within entries, no CIDR ranges (botocore has neither).
 *
 * @example
 * ```ts
 * proxyBypass("sts.eu-west-1.amazonaws.com", ".amazonaws.com,localhost"); // true
 * ```
 */
export function proxyBypass(netloc: string, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  if (noProxy === "*") return true;
  const host = netloc.toLowerCase();
  const hostOnly = /^(.*):\d+$/.exec(host)?.[1] ?? host;
  return noProxy.split(",").some((entry) => {
    const name = entry.trim().replace(/^\.+/, "").toLowerCase();
    return name !== "" && [hostOnly, host].some((h) => h === name || h.endsWith(`.${name}`));
  });
}

/**
 * The proxy a request to `url` goes through, as botocore picks it (`get_environ_proxies` and
 * `ProxyConfiguration.proxy_url_for`): the proxy for the URL's scheme unless NO_PROXY bypasses
 * the host, written as a URL (`proxy:3128` reads as `http://proxy:3128`; botocore would also
 * prefix `socks5://…`, which is left as it is here, to be refused by name). Never a proxy for the
 * hosts {@link isNeverProxied} names (metadata, container, link-local and loopback addresses).
 *
 * @example
 * ```ts
 * proxyFor("https://sts.amazonaws.com/", envProxies(process.env)); // "http://proxy:3128" or undefined
 * ```
 */
export function proxyFor(url: string, proxies: Record<string, string>): string | undefined {
  const [, scheme = "", netloc = ""] = /^([^:/?#]+):\/\/([^/?#]*)/.exec(url) ?? [];
  const proxy = proxies[scheme.toLowerCase()];
  if (!proxy || proxyBypass(netloc, proxies.no) || isNeverProxied(netloc.replace(/^.*@/, "").replace(/:\d*$/, ""))) return undefined;
  // A scheme other than http: and https: stays, for the transport to refuse by name.
  return /^(https?:|[a-z][\w+.-]*:\/\/)/i.test(proxy) ? proxy : proxy.startsWith("//") ? `http:${proxy}` : `http://${proxy}`;
}
