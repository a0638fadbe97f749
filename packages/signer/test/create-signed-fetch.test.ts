import { Readable } from "node:stream";
import { CredchainError } from "@credchain/core";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedFetch, STREAM_BODY_MESSAGE, type FetchLike } from "../src/index.js";
import { AKID, SECRET, staticProvider, TOKEN } from "./fixtures.js";
import { startSigV4Server } from "./sigv4-server.js";

const region = "us-west-2";
const service = "execute-api";
let server: Awaited<ReturnType<typeof startSigV4Server>>;

beforeAll(async () => {
  server = await startSigV4Server({ region, service, keys: new Map([[AKID, { secretAccessKey: SECRET, sessionToken: TOKEN }]]) });
});
afterAll(() => server.close());

const fetches: [string, FetchLike | undefined][] = [
  ["global fetch", undefined],
  ["undici fetch", undiciFetch as unknown as FetchLike],
];

describe.each(fetches)(`${createSignedFetch.name} with %s`, (_, impl) => {
  const signedFetch = createSignedFetch({ credentials: staticProvider(TOKEN), region, service, ...(impl && { fetch: impl }) });
  const expectVerified = async (res: Response) => {
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return text;
  };

  it("signs a GET given as a string, with repeated, spaced, unicode and reserved query values", async () => {
    await expectVerified(await signedFetch(`${server.url}/a b/ሴ/x!y?k=2&k=1&s=a%20b&u=ü&r=%26%3D%2F&bare`));
  });

  it("signs a URL input", async () => {
    await expectVerified(await signedFetch(new URL(`${server.url}/url?x=1`)));
  });

  it("signs a Request input, keeping its method, headers and body", async () => {
    const request = new Request(`${server.url}/req`, { method: "POST", headers: { "x-extra": "1" }, body: "from a request" });
    expect(await expectVerified(await signedFetch(request))).toBe("from a request");
    expect(server.seen.at(-1)?.headers["x-extra"]).toBe("1");
  });

  it.each([
    ["a string", () => "héllo", "héllo"],
    ["bytes", () => new Uint8Array([104, 105]), "hi"],
    ["URLSearchParams", () => new URLSearchParams({ a: "1 2", b: "&" }), "a=1+2&b=%26"],
    ["a Blob", () => new Blob(["blob"]), "blob"],
  ])("hashes %s body", async (_, body, echoed) => {
    const res = await signedFetch(`${server.url}/post`, { method: "POST", body: body() });
    expect(await expectVerified(res)).toBe(echoed);
  });

  it("signs a FormData body (encoded before hashing)", async () => {
    const form = new FormData();
    form.set("field", "value");
    expect(await expectVerified(await signedFetch(`${server.url}/form`, { method: "POST", body: form }))).toContain("value");
  });

  it("lowercase methods are sent and signed upper-case, as fetch normalises them", async () => {
    await expectVerified(await signedFetch(`${server.url}/m`, { method: "post", body: "x" }));
    expect(server.seen.at(-1)?.method).toBe("POST");
  });

  it("includes the session token", async () => {
    await expectVerified(await signedFetch(`${server.url}/t`));
    expect(server.seen.at(-1)?.headers["x-amz-security-token"]).toBe(TOKEN);
  });
});

describe(`${createSignedFetch.name}: streams`, () => {
  it("refuses a stream body without unsignedPayload, before any network call", async () => {
    let sent = 0;
    const credentials = staticProvider();
    const signedFetch = createSignedFetch({ credentials, region, service, fetch: async () => (sent++, new Response("")) });
    const error = await signedFetch(`${server.url}/s`, {
      method: "PUT",
      body: new ReadableStream({ start: (c) => c.close() }),
      duplex: "half",
    } as RequestInit).catch((e) => e);
    expect(CredchainError.isInstance(error)).toBe(true);
    expect(error.message).toBe(STREAM_BODY_MESSAGE);
    expect([sent, credentials.calls]).toEqual([0, 0]);
  });

  it("streams a body with unsignedPayload", async () => {
    const signedFetch = createSignedFetch({ credentials: staticProvider(TOKEN), region, service, unsignedPayload: true, allowUnsignedPayload: true });
    const res = await signedFetch(`${server.url}/upload`, {
      method: "PUT",
      body: Readable.toWeb(Readable.from(["chunk-1 ", "chunk-2"])) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.text()).toBe("chunk-1 chunk-2");
    expect(server.seen.at(-1)?.headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
  });

  it("keeps a string body's content-length under unsignedPayload", async () => {
    const signedFetch = createSignedFetch({ credentials: staticProvider(TOKEN), region, service, unsignedPayload: true, allowUnsignedPayload: true });
    await signedFetch(`${server.url}/len`, { method: "PUT", body: "12345" });
    expect(server.seen.at(-1)?.headers["content-length"]).toBe("5");
  });
});

describe(`${createSignedFetch.name}: errors`, () => {
  it("throws at creation for a missing region or service", () => {
    expect(() => createSignedFetch({ credentials: staticProvider(), region: "", service })).toThrow(/region/);
    expect(() => createSignedFetch({ credentials: staticProvider(), region, service: "" })).toThrow(/service/);
  });

  it("passes the chain's error through and sends nothing", async () => {
    let sent = 0;
    const failure = new CredchainError({ code: "NoCredentials", message: "Unable to locate credentials" });
    const signedFetch = createSignedFetch({
      credentials: () => Promise.reject(failure),
      region,
      service,
      fetch: async () => (sent++, new Response("")),
    });
    await expect(signedFetch(`${server.url}/x`)).rejects.toBe(failure);
    expect(sent).toBe(0);
  });

  describe("a request fetch would refuse with a TypeError quoting it: a CredchainError that quotes nothing, and nothing sent", () => {
    const secret = "sk-live-0123456789abcdef";
    let sent = 0;
    const signedFetch = createSignedFetch({ credentials: staticProvider(), region, service, fetch: async () => (sent++, new Response("")) });
    it.each<[string, () => Promise<Response>, string, RegExp]>([
      ["no input", () => (signedFetch as (i?: unknown) => Promise<Response>)(), "url", /needs a URL or a Request/],
      ["a relative url", () => signedFetch(`/x?key=${secret}`), "url", /not an absolute URL/],
      ["a url with a password", () => signedFetch(`https://user:${secret}@example.com/`), "url", /user name or password/],
      ["a header value with CR LF", () => signedFetch(`${server.url}/x`, { headers: { "x-api-key": `${secret}\r\nx-evil: 1` } }), "headers", /header "x-api-key"/],
      ["header pairs with LF", () => signedFetch(`${server.url}/x`, { headers: [["x-api-key", `${secret}\n`]] }), "headers", /header "x-api-key"/],
      ["a header name with CR LF", () => signedFetch(`${server.url}/x`, { headers: { [`x\r\nauthorization: ${secret}`]: "1" } }), "headers", /header name "x…"/],
      ["a method with a space", () => signedFetch(`${server.url}/x`, { method: "GE T" }), "method", /not an HTTP method/],
      ["a GET with a body", () => signedFetch(`${server.url}/x`, { method: "GET", body: "x" }), "request", /fetch cannot send this request: .*GET/],
    ])("%s", async (_, call, key, message) => {
      const error: unknown = await call().catch((e: unknown) => e);
      expect(CredchainError.isInstance(error), String(error)).toBe(true);
      expect(error).toMatchObject({ code: "InvalidConfig", key, message: expect.stringMatching(message) });
      expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(secret);
      expect(sent).toBe(0);
    });
  });

  it("a wrong key is refused by the verifying server (the check is real)", async () => {
    const { createCredentials } = await import("@credchain/core");
    const signedFetch = createSignedFetch({
      credentials: async () => createCredentials({ accessKeyId: AKID, secretAccessKey: "wrong", sessionToken: TOKEN, source: "explicit" }),
      region,
      service,
    });
    const res = await signedFetch(`${server.url}/x`);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/signature mismatch/);
  });
});
