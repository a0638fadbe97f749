import { Readable } from "node:stream";
import { CredchainError } from "@credchain/core";
import { Agent, Client, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_BODY_MESSAGE } from "../src/index.js";
import { AKID, SECRET, staticProvider, TOKEN } from "./fixtures.js";
import { startSigV4Server } from "./sigv4-server.js";
import { signingInterceptor } from "../src/undici.js";

const region = "ap-southeast-2";
const service = "execute-api";
let server: Awaited<ReturnType<typeof startSigV4Server>>;
let agent: Agent;

beforeAll(async () => {
  server = await startSigV4Server({ region, service, keys: new Map([[AKID, { secretAccessKey: SECRET, sessionToken: TOKEN }]]) });
  agent = new Agent();
});
afterAll(async () => {
  await agent.close();
  await server.close();
});

describe(signingInterceptor.name, () => {
  const signed = () => agent.compose(signingInterceptor({ credentials: staticProvider(TOKEN), region, service }));

  it("signs undici.request transparently", async () => {
    const res = await request(`${server.url}/items?b=2&a=1&a=0&q=x%20y&u=%C3%BC`, { dispatcher: signed() });
    expect(res.statusCode, await res.body.text()).toBe(200);
  });

  it.each([
    ["a string", "hello"],
    ["a Buffer", Buffer.from("bytes")],
  ])("hashes %s body", async (_, body) => {
    const res = await request(`${server.url}/post`, { method: "POST", body, headers: { "content-type": "text/plain" }, dispatcher: signed() });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe(String(body));
  });

  it("signs the path exactly as undici sends it (dot segments, double slashes)", async () => {
    const dispatcher = agent.compose(signingInterceptor({ credentials: staticProvider(TOKEN), region, service }));
    const res = await dispatcher.request({ origin: server.url, path: "/a/./b//c/../d", method: "GET" });
    expect(res.statusCode, await res.body.text()).toBe(200);
    expect(server.seen.at(-1)?.target).toBe("/a/./b//c/../d");
  });

  it("works on a Client too (given the origin), with flat-array headers", async () => {
    const client = new Client(server.url);
    const dispatcher = client.compose(signingInterceptor({ credentials: staticProvider(TOKEN), region, service }));
    const res = await dispatcher.request({ origin: server.url, path: "/client", method: "GET", headers: ["x-one", "1", "x-two", "2"] });
    expect(res.statusCode, await res.body.text()).toBe(200);
    const host = new URL(server.url).host;
    const viaHostHeader = await dispatcher.request({ path: "/client", method: "GET", headers: { host } });
    expect(viaHostHeader.statusCode, await viaHostHeader.body.text()).toBe(200);
    await expect(dispatcher.request({ path: "/client", method: "GET" })).rejects.toThrow(/without its host/);
    await client.close();
  });

  it("refuses a stream body without unsignedPayload, before anything is sent", async () => {
    const before = server.seen.length;
    const credentials = staticProvider(TOKEN);
    const dispatcher = agent.compose(signingInterceptor({ credentials, region, service }));
    const error = await request(`${server.url}/s`, { method: "PUT", body: Readable.from(["x"]), dispatcher }).catch((e) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    expect(error.message).toBe(STREAM_BODY_MESSAGE);
    expect([server.seen.length - before, credentials.calls]).toEqual([0, 0]);
  });

  it("streams with unsignedPayload", async () => {
    const dispatcher = agent.compose(signingInterceptor({ credentials: staticProvider(TOKEN), region, service, unsignedPayload: true, allowUnsignedPayload: true }));
    const res = await request(`${server.url}/upload`, { method: "PUT", body: Readable.from(["a", "b", "c"]), dispatcher });
    expect(res.statusCode).toBe(200);
    expect(await res.body.text()).toBe("abc");
  });

  it("passes the chain's error through and sends nothing", async () => {
    const before = server.seen.length;
    const failure = new CredchainError({ code: "NoCredentials", message: "Unable to locate credentials" });
    const dispatcher = agent.compose(signingInterceptor({ credentials: () => Promise.reject(failure), region, service }));
    await expect(request(`${server.url}/x`, { dispatcher })).rejects.toBe(failure);
    expect(server.seen.length).toBe(before);
  });

  describe("a request it cannot sign reaches the caller as a CredchainError, and nothing is sent", () => {
    const secret = "sk-live-0123456789abcdef";
    it.each<[string, (dispatcher: ReturnType<typeof signed>) => Promise<unknown>, string, RegExp]>([
      ["a header value with CR LF", (dispatcher) => request(`${server.url}/x`, { dispatcher, headers: { "x-api-key": `${secret}\r\nx-evil: 1` } }), "headers", /header "x-api-key"/],
      ["flat-array headers with LF", (dispatcher) => request(`${server.url}/x`, { dispatcher, headers: ["x-api-key", `${secret}\n`] }), "headers", /header "x-api-key"/],
      ["a header name with CR LF", (dispatcher) => request(`${server.url}/x`, { dispatcher, headers: { [`x\r\n${secret}`]: "1" } }), "headers", /header name "x…"/],
      ["a method with CR LF", (dispatcher) => request(`${server.url}/x`, { dispatcher, method: "GET\r\nX: 1" as never }), "method", /not an HTTP method/],
      [
        "a dispatch without a path",
        (dispatcher) =>
          new Promise((resolve, reject) => dispatcher.dispatch({ origin: server.url, method: "GET" } as never, { onError: reject, onConnect() {}, onHeaders: () => true, onData: () => true, onComplete: resolve })),
        "path",
        /without a path/,
      ],
    ])("%s", async (_, call, key, message) => {
      const before = server.seen.length;
      const error: unknown = await call(signed()).catch((e: unknown) => e);
      expect(CredchainError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: "InvalidConfig", key, message: expect.stringMatching(message) });
      expect(String((error as Error).message)).not.toContain(secret);
      expect(server.seen.length).toBe(before);
    });
  });

  it("throws at creation for a missing region or service", () => {
    expect(() => signingInterceptor({ credentials: staticProvider(), region: "", service })).toThrow(/region/);
    expect(() => signingInterceptor({ credentials: staticProvider(), region, service: "" })).toThrow(/service/);
  });
});
