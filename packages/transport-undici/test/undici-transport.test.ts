import { TransportError } from "@credchain/core";
import { transportFailure } from "@credchain/core/http";
import { startProxy, type ProxyEmulator } from "@credchain/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startOrigin, type TestServer } from "./servers.js";
import { undiciTransport, type UndiciTransport } from "../src/undici-transport.js";

let origin: TestServer;
let proxy: ProxyEmulator;
const open: UndiciTransport[] = [];

beforeAll(async () => {
  origin = await startOrigin();
  proxy = await startProxy();
});
afterAll(async () => {
  await Promise.all(open.map((t) => t.close()));
  await origin.close();
  await proxy.close();
});
afterEach(() => {
  proxy.requests.length = 0;
});
/** The request lines the proxy saw. */
const seen = () => proxy.requests.map((r) => r.line);

function make(...args: Parameters<typeof undiciTransport>) {
  const transport = undiciTransport(...args);
  open.push(transport);
  return transport;
}

/** A hostname only the test proxy can resolve (to 127.0.0.1): reachable through it, nowhere else. */
const viaProxy = () => `http://sts.example.test:${origin.port}`;

describe(undiciTransport.name, () => {
  it("sends method, headers and body and reads status, headers and body", async () => {
    const transport = make({ env: {} });
    const res = await transport({ method: "POST", url: `${origin.url}/echo`, headers: { "X-Token": "t" }, body: "hello" });
    expect(res.status).toBe(201);
    expect(res.headers["x-echo-method"]).toBe("POST");
    expect(res.headers["x-multi"]).toBe("a, b");
    expect(JSON.parse(res.body)).toMatchObject({ body: "hello", token: "t" });
  });

  it("does not follow redirects", async () => {
    const res = await make({ env: {} })({ method: "GET", url: `${origin.url}/redirect` });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/elsewhere");
  });

  it("reuses one keep-alive connection for sequential requests", async () => {
    const before = origin.connections;
    const transport = make({ env: {} });
    const requests = origin.requests;
    for (let i = 0; i < 5; i++) {
      await transport({ method: "GET", url: `${origin.url}/n${i}` });
      // undici returns the socket to the pool on the next turn of the event loop; a request sent
      // in the same turn opens a second connection (which is then pooled too).
      await new Promise((r) => setImmediate(r));
    }
    expect(origin.requests - requests).toBe(5);
    expect(origin.connections - before).toBe(1);
  });

  it("fails with kind timeout after timeoutMs", async () => {
    const error = await make({ env: {} })({ method: "GET", url: `${origin.url}/hang`, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).kind).toBe("timeout");
    expect((error as TransportError).message).toContain("timed out after 50 ms");
  });

  it("fails with kind aborted when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const pending = make({ env: {} })({ method: "GET", url: `${origin.url}/hang`, signal: controller.signal, timeoutMs: 60_000 });
    setImmediate(() => controller.abort());
    await expect(pending).rejects.toMatchObject({ name: "TransportError", kind: "aborted" });
    await expect(make({ env: {} })({ method: "GET", url: origin.url, signal: AbortSignal.abort() })).rejects.toMatchObject({
      kind: "aborted",
    });
  });

  it("fails with kind too-large past maxBodyBytes", async () => {
    await expect(make({ env: {}, maxBodyBytes: 1024 })({ method: "GET", url: `${origin.url}/big` })).rejects.toMatchObject({
      kind: "too-large",
    });
  });

  it("fails with kind network when nothing listens", async () => {
    const closed = await startOrigin();
    await closed.close();
    const error = await make({ env: {} })({ method: "GET", url: closed.url }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TransportError", kind: "network", detail: "ECONNREFUSED" });
    expect((error as Error).message).toContain("ECONNREFUSED");
  });

  // The real failures core's transports are tested against (core's transport-failures.test.ts),
  // classified alike: undici's own "other side closed" reads ECONNRESET, as node:http says.
  it("classifies a reset connection, a dripping body and a refused port as core's transports do", async () => {
    const transport = make({ env: {} });
    const reset = await transport({ method: "GET", url: `${origin.url}/reset` }).catch((e: unknown) => e);
    expect(reset).toMatchObject({ kind: "network", detail: "ECONNRESET" });
    expect(transportFailure(reset)).toBe("connection failed (ECONNRESET)");
    expect(await transport({ method: "GET", url: `${origin.url}/drip`, timeoutMs: 150 }).catch((e: unknown) => e)).toMatchObject({ kind: "timeout" });
  });

  describe("proxy", () => {
    it("sends AWS API calls through HTTP_PROXY from the injected env", async () => {
      const transport = make({ env: { HTTP_PROXY: proxy.url } });
      const res = await transport({ method: "GET", url: `${viaProxy()}/sts` });
      expect(res.status).toBe(201);
      expect(JSON.parse(res.body).host).toBe(`sts.example.test:${origin.port}`);
      expect(seen()).toHaveLength(1);
      // undici tunnels plain http through CONNECT too (ProxyAgent proxyTunnel defaults to true)
      expect(seen()).toEqual([`CONNECT sts.example.test:${origin.port}`]);
    });

    it("prefers lower-case http_proxy over HTTP_PROXY", async () => {
      const transport = make({ env: { http_proxy: proxy.url, HTTP_PROXY: "http://127.0.0.1:9", HTTPS_PROXY: "http://127.0.0.1:9" } });
      expect((await transport({ method: "GET", url: viaProxy() })).status).toBe(201);
      expect(seen()).toHaveLength(1);
    });

    it("uses an explicit proxy URL whatever the env says", async () => {
      const transport = make({ proxy: proxy.url, env: {} });
      expect((await transport({ method: "GET", url: viaProxy() })).status).toBe(201);
      expect(seen()).toHaveLength(1);
    });

    it("never sends loopback requests through the proxy, whatever NO_PROXY says", async () => {
      for (const options of [{ env: { HTTP_PROXY: proxy.url, NO_PROXY: "" } }, { proxy: proxy.url }]) {
        const transport = make(options);
        for (const host of ["127.0.0.1", "localhost"]) {
          const res = await transport({ method: "GET", url: `http://${host}:${origin.port}/direct` });
          expect(res.status).toBe(201);
        }
      }
      expect(seen()).toEqual([]);
    });

    it("sends a request marked direct (IMDS, the container endpoint) straight to the host, whatever the proxy", async () => {
      const transport = make({ proxy: proxy.url });
      expect(transport.dispatcherFor("https://sts.amazonaws.com/", true)).toBe(transport.dispatcherFor("http://127.0.0.1/"));
      expect(transport.dispatcherFor("https://sts.amazonaws.com/")).not.toBe(transport.dispatcherFor("http://127.0.0.1/"));
    });

    it("routes metadata and container endpoints directly, without connecting anywhere", () => {
      const transport = make({ proxy: proxy.url });
      const direct = transport.dispatcherFor("http://127.0.0.1/");
      for (const url of [
        "http://169.254.169.254/latest/api/token",
        "http://[fd00:ec2::254]/latest/api/token",
        "http://169.254.170.2/v2/credentials/x",
        "http://169.254.170.23/v1/credentials",
        "http://[fd00:ec2::23]/v1/credentials",
        "http://localhost:8080/creds",
        "http://[::1]:8080/creds",
      ]) {
        expect(transport.dispatcherFor(url)).toBe(direct);
      }
      expect(transport.dispatcherFor("https://sts.amazonaws.com/")).not.toBe(direct);
    });

    it("uses HTTP_PROXY for http: URLs only and HTTPS_PROXY for https: only, as botocore", () => {
      const httpOnly = make({ env: { HTTP_PROXY: proxy.url } });
      const direct = httpOnly.dispatcherFor("http://127.0.0.1/");
      expect(httpOnly.dispatcherFor("http://sts.amazonaws.com/")).not.toBe(direct);
      expect(httpOnly.dispatcherFor("https://sts.amazonaws.com/")).toBe(direct);
      const httpsOnly = make({ env: { HTTPS_PROXY: proxy.url } });
      expect(httpsOnly.dispatcherFor("http://sts.amazonaws.com/")).toBe(httpsOnly.dispatcherFor("http://127.0.0.1/"));
      expect(httpsOnly.dispatcherFor("https://sts.amazonaws.com/")).not.toBe(httpsOnly.dispatcherFor("http://127.0.0.1/"));
    });

    it("uses no proxy with proxy: false, or when the injected env names none", async () => {
      for (const transport of [make({ proxy: false, env: { HTTP_PROXY: proxy.url } }), make({ env: {} })]) {
        expect(transport.dispatcherFor("https://sts.amazonaws.com/")).toBe(transport.dispatcherFor("http://127.0.0.1/"));
      }
    });
  });
});
