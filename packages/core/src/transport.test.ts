import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentCredentials } from "./endpoint-credentials.js";
import { fetchTransport, TransportError, transportFailure } from "./transport.js";

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/hang") return; // never answers
    if (req.url === "/big") return res.end("x".repeat(4096));
    if (req.url === "/reset") return req.socket.destroy();
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("X-Echo-Method", req.method ?? "");
      res.statusCode = 201;
      res.end(JSON.stringify({ body, token: req.headers["x-token"] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

describe(fetchTransport.name, () => {
  const transport = fetchTransport({ maxBodyBytes: 1024 });

  it("sends method, headers and body and reads status, headers and body", async () => {
    const res = await transport({ method: "PUT", url: `${base}/x`, headers: { "X-Token": "t" }, body: "hi" });
    expect(res.status).toBe(201);
    expect(res.headers["x-echo-method"]).toBe("PUT");
    expect(JSON.parse(res.body)).toEqual({ body: "hi", token: "t" });
  });

  it("times out", async () => {
    await expect(transport({ method: "GET", url: `${base}/hang`, timeoutMs: 50 })).rejects.toMatchObject({ kind: "timeout" });
  });

  it("honours the caller's AbortSignal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(transport({ method: "GET", url: `${base}/hang`, signal: controller.signal, timeoutMs: 5000 })).rejects.toMatchObject({ kind: "aborted" });
  });

  it("caps the body size", async () => {
    await expect(transport({ method: "GET", url: `${base}/big` })).rejects.toMatchObject({ kind: "too-large" });
  });

  it("reports a reset connection or a refused port as a network error", async () => {
    await expect(transport({ method: "GET", url: `${base}/reset` })).rejects.toBeInstanceOf(TransportError);
    await expect(transport({ method: "GET", url: "http://127.0.0.1:1/" })).rejects.toMatchObject({ kind: "network" });
  });
});

describe("fetchTransport and a socket closed on accept", () => {
  it("keeps the process alive until the request settles (a ref'd timeout)", async () => {
    const { spawn } = await import("node:child_process");
    const script = `
      import net from "node:net";
      import { fetchTransport } from ${JSON.stringify(new URL("../dist/index.js", import.meta.url).href)};
      const server = net.createServer((s) => s.end()).listen(0, "127.0.0.1", async () => {
        const url = "http://127.0.0.1:" + server.address().port + "/";
        server.unref();
        try { await fetchTransport()({ method: "GET", url, timeoutMs: 500 }); console.log("answered"); }
        catch (e) { console.log("settled " + e.kind); }
      });`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/^(settled (network|timeout)|answered)\n$/);
  });
});

describe("transport error messages", () => {
  const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  it("redact and bound what the network stack or a custom transport said", () => {
    const error = new TransportError("network", "http://127.0.0.1:1/x", `request failed: {"SecretAccessKey": "${SECRET}"} ${"x".repeat(5000)}`);
    expect(error.message).not.toContain(SECRET);
    expect(error.message.length).toBeLessThan(600);
    const custom = new Error(`proxy said 407: Proxy-Authorization: Basic ${SECRET}`);
    const reason = transportFailure(custom);
    expect(reason).toMatch(/^connection failed \(proxy said 407: Proxy-Authorization: \[redacted\]\)$/);
  });
});

describe(documentCredentials.name, () => {
  it("names IMDS's Code without quoting a secret in it, and briefly", () => {
    const [reason] = documentCredentials({ Code: `AssumeRoleUnauthorizedAccess Token=${"Y".repeat(10)}abc ${"z".repeat(2000)}` }, "iam-role", false) as [string];
    expect(reason).toMatch(/^has no AccessKeyId, SecretAccessKey, Token, Expiration \(Code "AssumeRoleUnauthorizedAccess Token=\[redacted\]"\)$/);
  });
});
