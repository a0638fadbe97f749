import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort, startOrigin, type Running } from "./servers.js";
import { directTransport } from "../src/direct-transport.js";
import { fetchTransport } from "../src/fetch-transport.js";
import { httpTransport } from "../src/http-transport.js";
import { TransportError, transportFailure, type Transport } from "../src/transport.js";

// The same real failures through every transport in core, classified alike (transport-undici runs
// these cases against its own transport too).
let origin: Running;
let refused: number;
beforeAll(async () => {
  origin = await startOrigin();
  refused = await closedPort();
});
afterAll(() => origin.close());

describe.each([
  ["httpTransport", () => httpTransport({ env: {}, maxBodyBytes: 1024 })],
  ["directTransport", () => directTransport({ maxBodyBytes: 1024 })],
  ["fetchTransport", () => fetchTransport({ maxBodyBytes: 1024 })],
] as [string, () => Transport][])("%s and real failures", (_, make) => {
  const transport = make();
  const fail = (path: string, more: object = {}) =>
    transport({ method: "GET", url: path.startsWith("http") ? path : `${origin.url}${path}`, ...more }).then(
      () => expect.unreachable("answered"),
      (e: unknown) => e as TransportError,
    );

  it("a closed port: network, ECONNREFUSED", async () => {
    const e = await fail(`http://127.0.0.1:${refused}/`);
    expect(e).toBeInstanceOf(TransportError);
    expect(e).toMatchObject({ kind: "network", detail: "ECONNREFUSED" });
    expect(transportFailure(e)).toBe("connection failed (ECONNREFUSED)");
  });

  it("a server that closes the connection instead of answering: network, ECONNRESET", async () => {
    expect(await fail("/reset")).toMatchObject({ kind: "network", detail: "ECONNRESET" });
  });

  it("a server that never answers: timeout after timeoutMs", async () => {
    const start = Date.now();
    const e = await fail("/hang", { timeoutMs: 100 });
    expect(e).toMatchObject({ kind: "timeout" });
    expect(Date.now() - start).toBeLessThan(2000);
    expect(transportFailure(e, 100)).toBe("no response within 100 ms");
  });

  it("a body that keeps coming: timeout for the whole exchange, not per chunk", async () => {
    expect(await fail("/drip", { timeoutMs: 150 })).toMatchObject({ kind: "timeout" });
  });

  it("the caller's signal, before or during the request: aborted", async () => {
    expect(await fail("/hang", { signal: AbortSignal.abort() })).toMatchObject({ kind: "aborted" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    expect(await fail("/hang", { signal: controller.signal, timeoutMs: 5000 })).toMatchObject({ kind: "aborted" });
  });

  it("an oversized body: too-large", async () => {
    expect(await fail("/big")).toMatchObject({ kind: "too-large" });
  });
});
