import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { envProxies, proxyBypass, proxyFor } from "../src/env-proxies.js";

// Each case: the environment, the URL, and which proxy botocore picks. The expectations are
// botocore's own answers (get_environ_proxies + ProxyConfiguration.proxy_url_for): the test below
// runs botocore on every case and compares, so the table cannot drift from it.
const P = "http://proxy.corp:3128";
const Q = "http://other.corp:8080";
const CASES: [name: string, env: Record<string, string>, url: string, proxy: string | null][] = [
  ["HTTPS_PROXY for https:", { HTTPS_PROXY: P }, "https://sts.amazonaws.com/", P],
  ["HTTPS_PROXY not for http:", { HTTPS_PROXY: P }, "http://sts.amazonaws.com/", null],
  ["HTTP_PROXY not for https:", { HTTP_PROXY: P }, "https://sts.amazonaws.com/", null],
  ["HTTP_PROXY for http:", { HTTP_PROXY: P }, "http://sts.amazonaws.com/", P],
  ["lower case wins", { HTTPS_PROXY: Q, https_proxy: P }, "https://sts.amazonaws.com/", P],
  ["an empty lower-case one removes the proxy", { HTTPS_PROXY: Q, https_proxy: "" }, "https://sts.amazonaws.com/", null],
  ["mixed case counts as upper", { Https_Proxy: P }, "https://sts.amazonaws.com/", P],
  ["ALL_PROXY is not read", { ALL_PROXY: P, all_proxy: P }, "https://sts.amazonaws.com/", null],
  ["CGI: upper-case HTTP_PROXY ignored", { HTTP_PROXY: P, REQUEST_METHOD: "GET" }, "http://sts.amazonaws.com/", null],
  ["CGI: lower-case http_proxy kept", { http_proxy: P, REQUEST_METHOD: "GET" }, "http://sts.amazonaws.com/", P],
  ["no scheme reads as http://", { HTTPS_PROXY: "proxy.corp:3128" }, "https://sts.amazonaws.com/", P],
  ["// reads as http://", { HTTPS_PROXY: "//proxy.corp:3128" }, "https://sts.amazonaws.com/", P],
  ["an https: proxy", { HTTPS_PROXY: "https://proxy.corp:3129" }, "https://sts.amazonaws.com/", "https://proxy.corp:3129"],
  ["NO_PROXY exact host", { HTTPS_PROXY: P, NO_PROXY: "sts.amazonaws.com" }, "https://sts.amazonaws.com/", null],
  ["NO_PROXY domain suffix", { HTTPS_PROXY: P, NO_PROXY: "amazonaws.com" }, "https://sts.us-east-1.amazonaws.com/", null],
  ["NO_PROXY leading dot", { HTTPS_PROXY: P, NO_PROXY: ".amazonaws.com" }, "https://sts.amazonaws.com/", null],
  ["NO_PROXY leading dots, spaces, case", { HTTPS_PROXY: P, NO_PROXY: " foo ,  ..AmazonAWS.com " }, "https://sts.amazonaws.com/", null],
  ["NO_PROXY suffix must follow a dot", { HTTPS_PROXY: P, NO_PROXY: "zonaws.com" }, "https://sts.amazonaws.com/", P],
  ["NO_PROXY no wildcard inside entries", { HTTPS_PROXY: P, NO_PROXY: "*.amazonaws.com" }, "https://sts.amazonaws.com/", P],
  ["NO_PROXY * alone", { HTTPS_PROXY: P, NO_PROXY: "*" }, "https://sts.amazonaws.com/", null],
  ["NO_PROXY * among others is an entry", { HTTPS_PROXY: P, NO_PROXY: "foo,*" }, "https://sts.amazonaws.com/", P],
  ["NO_PROXY spaces do not separate", { HTTPS_PROXY: P, NO_PROXY: "foo sts.amazonaws.com" }, "https://sts.amazonaws.com/", P],
  ["NO_PROXY host:port matches that port", { HTTPS_PROXY: P, NO_PROXY: "sts.example.com:8443" }, "https://sts.example.com:8443/", null],
  ["NO_PROXY host:port not another", { HTTPS_PROXY: P, NO_PROXY: "sts.example.com:8443" }, "https://sts.example.com:9443/", P],
  ["NO_PROXY host matches any port", { HTTPS_PROXY: P, NO_PROXY: "sts.example.com" }, "https://sts.example.com:8443/", null],
  ["lower-case no_proxy wins", { HTTPS_PROXY: P, NO_PROXY: "amazonaws.com", no_proxy: "example.com" }, "https://sts.amazonaws.com/", P],
  ["an empty no_proxy removes NO_PROXY", { HTTPS_PROXY: P, NO_PROXY: "amazonaws.com", no_proxy: "" }, "https://sts.amazonaws.com/", P],
  ["NO_PROXY IP address", { HTTPS_PROXY: P, NO_PROXY: "10.1.2.3" }, "https://10.1.2.3/", null],
  ["NO_PROXY no CIDR", { HTTPS_PROXY: P, NO_PROXY: "10.0.0.0/8" }, "https://10.1.2.3/", P],
  ["user and password kept in the proxy URL", { HTTPS_PROXY: "http://u%40x:p%3Aw@proxy.corp:3128" }, "https://sts.amazonaws.com/", "http://u%40x:p%3Aw@proxy.corp:3128"],
];

/** botocore's proxy for each case, and its Proxy-Authorization header. */
function botocoreProxies(): { proxy: string | null; auth: string | null }[] {
  const script = `
import json, os, sys
from botocore.utils import get_environ_proxies
from botocore.httpsession import ProxyConfiguration
out = []
for env, url in json.load(sys.stdin):
    os.environ.clear(); os.environ.update(env)
    config = ProxyConfiguration(proxies=get_environ_proxies(url))
    proxy = config.proxy_url_for(url)
    out.append({"proxy": proxy, "auth": config.proxy_headers_for(proxy).get("Proxy-Authorization") if proxy else None})
print(json.dumps(out))`;
  const input = JSON.stringify(CASES.map(([, env, url]) => [env, url]));
  return JSON.parse(execFileSync("python3", ["-c", script], { input, env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } }).toString());
}

const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

describe(proxyFor.name, () => {
  it.each(CASES)("%s", (_, env, url, expected) => {
    expect(proxyFor(url, envProxies(env)) ?? null).toBe(expected);
  });

  it.runIf(hasBotocore)("agrees with botocore on every case, Proxy-Authorization included", () => {
    const answers = botocoreProxies();
    CASES.forEach(([name, env, url], i) => {
      const proxy = proxyFor(url, envProxies(env));
      expect({ name, proxy: proxy ?? null }).toEqual({ name, proxy: answers[i]!.proxy });
    });
    // The one case with user info: botocore's header is what httpTransport sends.
    const withUser = CASES.findIndex(([name]) => name.startsWith("user and password"));
    expect(answers[withUser]!.auth).toBe(`Basic ${Buffer.from("u@x:p:w").toString("base64")}`);
  });

  it("never names a proxy for the metadata, container, link-local or loopback hosts (botocore would)", () => {
    const proxies = envProxies({ HTTP_PROXY: P, HTTPS_PROXY: P });
    for (const url of ["http://169.254.169.254/latest/api/token", "http://[fd00:ec2::254]/latest", "http://169.254.170.2/v2/credentials/x", "http://127.0.0.1:8080/creds", "https://localhost/x"]) {
      expect(proxyFor(url, proxies)).toBeUndefined();
    }
  });

  it("leaves a proxy of another scheme as it is, for the transport to refuse by name", () => {
    expect(proxyFor("https://sts.amazonaws.com/", { https: "socks5://proxy:1080" })).toBe("socks5://proxy:1080");
  });
});

describe(proxyBypass.name, () => {
  it("needs NO_PROXY set to bypass anything", () => {
    expect(proxyBypass("sts.amazonaws.com", undefined)).toBe(false);
    expect(proxyBypass("sts.amazonaws.com", "")).toBe(false);
  });
});
