import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOrigin, type Running } from "./servers.js";
import { fetchTransport } from "../src/fetch-transport.js";

let origin: Running;
beforeAll(async () => {
  origin = await startOrigin();
});
afterAll(() => origin.close());

describe(fetchTransport.name, () => {
  const transport = fetchTransport({ maxBodyBytes: 1024 });

  it("sends method, headers and body and reads status, headers and body", async () => {
    const res = await transport({ method: "PUT", url: `${origin.url}/x`, headers: { "X-Token": "t" }, body: "hi" });
    expect(res.status).toBe(201);
    expect(res.headers["x-echo-method"]).toBe("PUT");
    expect(JSON.parse(res.body)).toMatchObject({ body: "hi", headers: { "x-token": "t" } });
  });

  it("follows no redirect", async () => {
    const res = await transport({ method: "GET", url: `${origin.url}/redirect` });
    expect([res.status, res.headers.location]).toEqual([302, "/elsewhere"]);
  });

  it("uses no proxy, whatever the environment says (fetch reads no HTTPS_PROXY)", async () => {
    // The request reaches the origin itself: a proxy would have answered for it.
    const before = origin.log.length;
    await transport({ method: "GET", url: `${origin.url}/direct` });
    expect(origin.log.slice(before)).toEqual(["GET /direct"]);
  });
});

describe("fetchTransport and a socket closed on accept", () => {
  it("keeps the process alive until the request settles (a ref'd timeout)", async () => {
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
