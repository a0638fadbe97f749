import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closedPort, exampleTestLookup, selfSignedCert, startOrigin, startTestProxy, type Running, type TestProxy } from "./servers.js";
import { directTransport } from "../src/direct-transport.js";
import { httpTransport } from "../src/http-transport.js";
import type { TransportError } from "../src/transport.js";

const tls = selfSignedCert();
let origin: Running;
let secure: Running;
let proxy: TestProxy;
let strict: TestProxy;

beforeAll(async () => {
  [origin, secure, proxy, strict] = await Promise.all([startOrigin(), startOrigin(tls), startTestProxy(), startTestProxy("corp user:p@ss:w0rd")]);
});
afterAll(() => Promise.all([origin, secure, proxy, strict].map((s) => s.close())));
beforeEach(() => {
  proxy.log.length = 0;
  proxy.authorizations.length = 0;
  strict.log.length = 0;
});

const echo = (body: string) => JSON.parse(body) as { method: string; url: string; body: string; headers: Record<string, string>; port: number };
/** A host only the proxy (or `exampleTestLookup`) resolves: reaching it proves which way a request went. */
const sts = (server: Running, path = "/sts") => `${server.url.replace("127.0.0.1", "sts.example.test")}${path}`;

describe(directTransport.name, () => {
  const transport = directTransport();

  it("sends method, headers and body and reads status, headers and body", async () => {
    const put = await transport({ method: "PUT", url: `${origin.url}/x?y=1`, headers: { "X-Token": "t" }, body: "hi" });
    expect(put.status).toBe(201);
    expect(put.headers["x-echo-method"]).toBe("PUT");
    expect(put.headers["set-cookie"]).toBe("a=1, b=2");
    expect(echo(put.body)).toMatchObject({ method: "PUT", url: "/x?y=1", body: "hi", headers: { "x-token": "t", "content-length": "2" } });
    const post = await transport({ method: "POST", url: `${origin.url}/b`, body: new TextEncoder().encode("é") });
    expect(echo(post.body)).toMatchObject({ body: "é", headers: { "content-length": "2" } });
  });

  it("adds Host, and Content-Length where node:http would, unless the caller gave them (in any case)", async () => {
    const sent = async (method: string, headers: Record<string, string>, body?: string) =>
      echo((await transport({ method, url: `${origin.url}/h`, headers, ...(body !== undefined && { body }) })).body).headers;
    expect(await sent("GET", { "X-Host-Id": "1" })).toMatchObject({ host: `127.0.0.1:${origin.port}`, "x-host-id": "1" });
    expect(await sent("GET", {})).not.toHaveProperty("content-length");
    expect(await sent("PUT", { "x-content-length-hint": "9" })).toMatchObject({ "content-length": "0" });
    expect(await sent("POST", { HOST: "other.example" }, "é")).toMatchObject({ host: "other.example", "content-length": "2" });
    expect(await sent("POST", { "Content-Length": "2" }, "é")).toMatchObject({ "content-length": "2" });
  });

  it("follows no redirect", async () => {
    const res = await transport({ method: "GET", url: `${origin.url}/redirect` });
    expect([res.status, res.headers.location]).toEqual([302, "/elsewhere"]);
  });

  it("reuses one keep-alive connection for a resolution's requests, across transports too", async () => {
    const ports = [
      await transport({ method: "PUT", url: `${origin.url}/latest/api/token` }),
      await transport({ method: "GET", url: `${origin.url}/latest/meta-data/iam/security-credentials/` }),
      await directTransport()({ method: "GET", url: `${origin.url}/latest/meta-data/iam/security-credentials/role` }),
    ].map((res) => echo(res.body).port);
    expect(new Set(ports).size).toBe(1);
  });

  it("sends a request again, once, on a new connection when the server dropped the kept-alive one", async () => {
    const kept = echo((await transport({ method: "GET", url: `${origin.url}/warm` })).body).port;
    // The kept-alive connection is reset when reused: the transport sends the request again on a new one.
    const res = await transport({ method: "GET", url: `${origin.url}/stale` });
    expect(res.status).toBe(201);
    expect(echo(res.body).port).not.toBe(kept);
    expect(origin.log.filter((line) => line === "GET /stale")).toHaveLength(2);
  });

  it("speaks https, trusting the `ca` given; without it, a clear TLS failure", async () => {
    const res = await directTransport({ ca: tls.cert })({ method: "GET", url: `${secure.url}/tls` });
    expect(echo(res.body).url).toBe("/tls");
    const e = (await transport({ method: "GET", url: `${secure.url}/tls` }).catch((x: unknown) => x)) as TransportError;
    expect(e).toMatchObject({ kind: "network", detail: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
  });

  it("resolves names with the `lookup` given", async () => {
    const res = await directTransport({ lookup: exampleTestLookup })({ method: "GET", url: sts(origin) });
    expect(echo(res.body).headers.host).toBe(`sts.example.test:${origin.port}`);
  });

  it("never keeps a process alive: it exits as soon as its requests are done", async () => {
    // Three requests on a kept-alive socket, then nothing: the idle socket must not hold the process
    // (Node's agent unrefs it; it would otherwise wait out the 4 s idle time or the server's 5 s).
    const script = `
      import { directTransport } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
      const t = directTransport();
      for (const p of ["/a", "/b", "/c"]) await t({ method: "GET", url: ${JSON.stringify(origin.url)} + p, timeoutMs: 5000 });
      console.log("done");`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let done = 0;
    child.stdout.on("data", (d: Buffer) => (String(d).includes("done") ? (done = Date.now()) : 0));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(done).toBeGreaterThan(0);
    expect(Date.now() - done).toBeLessThan(1000);
  });
});

describe(httpTransport.name, () => {
  const viaEnv = (env: Record<string, string>, more: object = {}) => httpTransport({ env, ca: tls.cert, lookup: exampleTestLookup, ...more });

  it("sends https through HTTPS_PROXY with CONNECT, the TLS session end to end", async () => {
    const res = await viaEnv({ HTTPS_PROXY: proxy.url })({ method: "POST", url: sts(secure), headers: { "content-type": "x" }, body: "Action=GetCallerIdentity" });
    expect(res.status).toBe(201);
    expect(echo(res.body)).toMatchObject({ method: "POST", url: "/sts", body: "Action=GetCallerIdentity", headers: { host: `sts.example.test:${secure.port}` } });
    expect(proxy.log).toEqual([`CONNECT sts.example.test:${secure.port}`]);
  });

  it("sends plain http through HTTP_PROXY in absolute form", async () => {
    const res = await viaEnv({ http_proxy: proxy.url })({ method: "GET", url: sts(origin, "/x?y=1") });
    expect(echo(res.body)).toMatchObject({ url: "/x?y=1", headers: { host: `sts.example.test:${origin.port}` } });
    expect(proxy.log).toEqual([`GET http://sts.example.test:${origin.port}/x?y=1`]);
  });

  it("reads the proxy variables as botocore: HTTP_PROXY only for http:, HTTPS_PROXY only for https:, lower case first, NO_PROXY", async () => {
    const direct = [
      viaEnv({ HTTP_PROXY: proxy.url })({ method: "GET", url: sts(secure) }),
      viaEnv({ HTTPS_PROXY: proxy.url })({ method: "GET", url: sts(origin) }),
      viaEnv({ HTTPS_PROXY: proxy.url, https_proxy: "" })({ method: "GET", url: sts(secure) }),
      viaEnv({ HTTPS_PROXY: proxy.url, NO_PROXY: "localhost, .example.test" })({ method: "GET", url: sts(secure) }),
      viaEnv({ HTTPS_PROXY: proxy.url, no_proxy: "*" })({ method: "GET", url: sts(secure) }),
    ];
    for (const res of await Promise.all(direct)) expect(res.status).toBe(201);
    expect(proxy.log).toEqual([]);
    await viaEnv({ HTTPS_PROXY: "http://127.0.0.1:9", https_proxy: proxy.url, NO_PROXY: "sts.example" })({ method: "GET", url: sts(secure) });
    expect(proxy.log).toHaveLength(1);
  });

  it("never sends a request marked direct, or to a loopback or metadata host, through the proxy", async () => {
    const transport = viaEnv({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    expect((await transport({ method: "GET", url: sts(secure), direct: true })).status).toBe(201);
    expect((await transport({ method: "GET", url: `${origin.url}/loopback` })).status).toBe(201);
    expect((await viaEnv({}, { proxy: proxy.url })({ method: "GET", url: `${origin.url}/loopback` })).status).toBe(201);
    expect(proxy.log).toEqual([]);
  });

  it("takes the proxy from the `proxy` option, or none with `proxy: false`", async () => {
    await viaEnv({}, { proxy: proxy.url })({ method: "GET", url: sts(secure) });
    await viaEnv({ HTTPS_PROXY: proxy.url }, { proxy: false })({ method: "GET", url: sts(secure) });
    expect(proxy.log).toEqual([`CONNECT sts.example.test:${secure.port}`]);
  });

  it("sends the proxy URL's user and password as Proxy-Authorization, and never to the server", async () => {
    const url = strict.url.replace("//", "//corp%20user:p%40ss%3Aw0rd@");
    const transport = viaEnv({ HTTPS_PROXY: url, HTTP_PROXY: url });
    const tunnelled = await transport({ method: "GET", url: sts(secure) });
    const forwarded = await transport({ method: "GET", url: sts(origin) });
    expect([tunnelled.status, forwarded.status]).toEqual([201, 201]);
    expect(strict.log).toHaveLength(2);
    for (const res of [tunnelled, forwarded]) expect(echo(res.body).headers).not.toHaveProperty("proxy-authorization");
  });

  it("fails clearly when the proxy refuses, without the proxy's password", async () => {
    const password = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const url = strict.url.replace("//", `//corp:${encodeURIComponent(password)}@`);
    const e = (await viaEnv({ HTTPS_PROXY: url })({ method: "GET", url: sts(secure) }).catch((x: unknown) => x)) as TransportError;
    expect(e).toMatchObject({ kind: "network", detail: `proxy ${strict.url}: answered CONNECT with 407 Proxy Authentication Required` });
    for (const text of [e.message, e.detail, String(e), inspect(e, { depth: 5 }), JSON.stringify(e)]) expect(text).not.toContain(password);
    // Plain http through the proxy: the 407 is the answer, as botocore sees it.
    expect((await viaEnv({ HTTP_PROXY: url })({ method: "GET", url: sts(origin) })).status).toBe(407);
  });

  it("fails clearly when the proxy is down, or names no http: proxy, without quoting it", async () => {
    const port = await closedPort();
    const down = (await viaEnv({ HTTPS_PROXY: `http://u:secret-pw@127.0.0.1:${port}` })({ method: "GET", url: sts(secure) }).catch((x: unknown) => x)) as TransportError;
    expect(down).toMatchObject({ kind: "network", detail: `proxy http://127.0.0.1:${port}: ECONNREFUSED` });
    expect(down.message).not.toContain("secret-pw");
    for (const bad of ["socks5://u:secret-pw@127.0.0.1:1080", "http://u:secret-pw@[bad"]) {
      const e = (await viaEnv({ HTTPS_PROXY: bad })({ method: "GET", url: sts(secure) }).catch((x: unknown) => x)) as TransportError;
      expect(e).toMatchObject({ kind: "network", detail: "the proxy for https: URLs (HTTPS_PROXY or https_proxy, or the proxy option) is not an http: or https: URL" });
      expect(inspect(e)).not.toContain("secret-pw");
    }
  });

  it("times out a tunnel the proxy never opens, and a request through it that never ends", async () => {
    const silent: Server = createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((r) => silent.once("listening", r));
    const port = (silent.address() as { port: number }).port;
    try {
      const stuck = await viaEnv({ HTTPS_PROXY: `http://127.0.0.1:${port}` })({ method: "GET", url: sts(secure), timeoutMs: 100 }).catch((x: unknown) => x);
      expect(stuck).toMatchObject({ kind: "timeout" });
      const hang = await viaEnv({ HTTPS_PROXY: proxy.url })({ method: "GET", url: sts(secure, "/hang"), timeoutMs: 100 }).catch((x: unknown) => x);
      expect(hang).toMatchObject({ kind: "timeout" });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 30);
      const aborted = await viaEnv({ HTTPS_PROXY: proxy.url })({ method: "GET", url: sts(secure, "/hang"), signal: controller.signal }).catch((x: unknown) => x);
      expect(aborted).toMatchObject({ kind: "aborted" });
    } finally {
      silent.close();
    }
  });
});
