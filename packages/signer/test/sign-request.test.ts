import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { createSigner, signRequest, STREAM_BODY_MESSAGE, type SignableRequest, type SignerOptions } from "../src/index.js";
import { verifyWithAws4 } from "./aws4-verifier.js";
import { AKID, SECRET, staticProvider, TOKEN } from "./fixtures.js";

const region = "eu-west-1";

/** Signs with ours, then recomputes with aws4 as a server would. */
async function crossCheck(request: SignableRequest, options: Partial<SignerOptions> = {}) {
  const service = options.service ?? "execute-api";
  const headers = await signRequest(request, { credentials: staticProvider(TOKEN), region, service, ...options });
  const url = new URL(request.url);
  const body = request.body;
  const verdict = verifyWithAws4(
    {
      method: request.method ?? "GET",
      target: url.pathname + url.search,
      headers,
      body: typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body) : undefined,
    },
    (id) => (id === AKID ? { secretAccessKey: SECRET, sessionToken: TOKEN } : undefined),
    { region, service },
  );
  return { headers, verdict };
}

describe(signRequest.name, () => {
  describe("agrees with aws4", () => {
    const cases: [string, SignableRequest][] = [
      ["a plain GET", { url: "https://example.amazonaws.com/" }],
      ["repeated query keys", { url: "https://example.amazonaws.com/items?tag=b&tag=a&tag=c&x=1" }],
      ["spaces in path and query", { url: "https://example.amazonaws.com/a%20b/c d?q=hello%20world&r=x y" }],
      ["unicode in path and query", { url: "https://example.amazonaws.com/ሴ/café?name=José&ሴ=ü" }],
      ["reserved characters in the query", { url: "https://example.amazonaws.com/?a=%26%3D%2F%3F%23&b=!*'()&c=~-._&d=%25" }],
      ["reserved characters in the path", { url: "https://example.amazonaws.com/a!b'c(d)*e/f:g@h$i,j;k=l" }],
      ["empty values and bare keys", { url: "https://example.amazonaws.com/?empty=&bare&z=1" }],
      ["a non-default port", { url: "http://127.0.0.1:8443/p?q=1" }],
      ["an IPv6 host", { url: "http://[::1]:9000/p" }],
      ["dot segments and double slashes", { url: "https://example.amazonaws.com/a/./b/../c//d/" }],
      [
        "headers with odd spacing and repeats",
        {
          url: "https://example.amazonaws.com/",
          headers: [
            ["X-Custom", "  a   b  "],
            ["x-multi", "one"],
            ["X-Multi", "two"],
            ["Content-Type", "application/json"],
          ],
        },
      ],
      ["a string body", { method: "POST", url: "https://example.amazonaws.com/", body: '{"k":"ü"}' }],
      ["a byte body", { method: "PUT", url: "https://example.amazonaws.com/obj", body: new Uint8Array([0, 1, 2, 255]) }],
      ["a Buffer body", { method: "PUT", url: "https://example.amazonaws.com/obj", body: Buffer.from("buffer body") }],
      ["an empty body", { method: "POST", url: "https://example.amazonaws.com/", body: "" }],
    ];
    it.each(cases)("%s", async (_, request) => {
      const { verdict } = await crossCheck(request);
      expect(verdict).toEqual({ ok: true, accessKeyId: AKID });
    });

    it("with UNSIGNED-PAYLOAD", async () => {
      const { headers, verdict } = await crossCheck(
        { method: "PUT", url: "https://example.amazonaws.com/o", body: "ignored" },
        { unsignedPayload: true, allowUnsignedPayload: true },
      );
      expect(headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
      expect(verdict.ok).toBe(true);
    });

    it("S3 style: no normalisation, each segment encoded once", async () => {
      const { headers, verdict } = await crossCheck(
        { method: "PUT", url: "https://bucket.s3.amazonaws.com/dir//a%20b/./c!d", body: "x" },
        { service: "s3", uriEscapePath: false, contentSha256Header: true },
      );
      expect(headers["x-amz-content-sha256"]).toBe("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
      expect(verdict.ok).toBe(true);
    });

    it("notices a tampered request", async () => {
      const request = { url: "https://example.amazonaws.com/a?x=1" };
      const headers = await signRequest(request, { credentials: staticProvider(TOKEN), region, service: "execute-api" });
      const verdict = verifyWithAws4({ method: "GET", target: "/a?x=2", headers }, () => ({ secretAccessKey: SECRET, sessionToken: TOKEN }), {
        region,
        service: "execute-api",
      });
      expect(verdict.ok).toBe(false);
    });
  });

  it("returns the request's headers plus host, date, token and authorization", async () => {
    const headers = await signRequest(
      { url: "https://svc.example.com:8443/x", headers: { "X-Thing": "1" } },
      { credentials: staticProvider(TOKEN), region, service: "svc", now: () => Date.UTC(2026, 0, 2, 3, 4, 5) },
    );
    expect(Object.keys(headers).sort()).toEqual(["authorization", "host", "x-amz-date", "x-amz-security-token", "x-thing"]);
    expect(headers.host).toBe("svc.example.com:8443");
    expect(headers["x-amz-date"]).toBe("20260102T030405Z");
    expect(headers["x-amz-security-token"]).toBe(TOKEN);
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260102\/eu-west-1\/svc\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token;x-thing, Signature=[0-9a-f]{64}$/,
    );
  });

  it("signs headers named after Object.prototype's members as given (a \"constructor\" header once signed the Object function's source)", async () => {
    const { headers, verdict } = await crossCheck({ url: "https://example.amazonaws.com/", headers: { constructor: "c", toString: "t", valueOf: "v" } });
    expect(verdict).toEqual({ ok: true, accessKeyId: AKID });
    expect([headers.constructor, headers.tostring, headers.valueof]).toEqual(["c", "t", "v"]);
    const proto = await signRequest({ url: "https://example.amazonaws.com/", headers: [["__proto__", "p"]] }, { credentials: staticProvider(), region, service: "s" });
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe("p");
    expect(proto.authorization).toContain("SignedHeaders=__proto__;host;x-amz-date,");
  });

  it("sends no token header without a session token, and no body hash header unless asked", async () => {
    const headers = await signRequest({ url: "https://e.example.com/", body: "x", method: "POST" }, { credentials: staticProvider(), region, service: "s" });
    expect(headers).not.toHaveProperty("x-amz-security-token");
    expect(headers).not.toHaveProperty("x-amz-content-sha256");
  });

  it("reads + in a query as a literal plus (RFC 3986), not a space", async () => {
    const opts = { credentials: staticProvider(), region, service: "s", now: () => 0 };
    const plus = await signRequest({ url: "https://e.example.com/?a=b+c" }, opts);
    expect((await signRequest({ url: "https://e.example.com/?a=b%2Bc" }, opts)).authorization).toBe(plus.authorization);
    expect((await signRequest({ url: "https://e.example.com/?a=b%20c" }, opts)).authorization).not.toBe(plus.authorization);
  });

  it("hashes Blob and URLSearchParams bodies", async () => {
    const opts = { credentials: staticProvider(), region, service: "s", contentSha256Header: true, now: () => 0 };
    const fromBlob = await signRequest({ method: "POST", url: "https://e.example.com/", body: new Blob(["a=1"]) }, opts);
    const fromParams = await signRequest({ method: "POST", url: "https://e.example.com/", body: new URLSearchParams({ a: "1" }) }, opts);
    const fromString = await signRequest({ method: "POST", url: "https://e.example.com/", body: "a=1" }, opts);
    expect(fromBlob.authorization).toBe(fromString.authorization);
    expect(fromParams.authorization).toBe(fromString.authorization);
  });

  describe("errors, before any credential lookup", () => {
    const stream = () => new ReadableStream({ start: (c) => c.close() });
    const nodeLike = { async *[Symbol.asyncIterator]() {} };

    it.each([
      ["a ReadableStream", stream],
      ["an async iterable", () => nodeLike],
      ["a generator", () => (function* () {})()],
    ])("a stream body (%s) without unsignedPayload", async (_, body) => {
      const credentials = staticProvider();
      const error = await signRequest({ method: "PUT", url: "https://e.example.com/", body: body() }, { credentials, region, service: "s" }).catch((e) => e);
      expect(CredchainError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: "InvalidConfig", message: STREAM_BODY_MESSAGE });
      expect(credentials.calls).toBe(0);
    });

    it("a stream body with unsignedPayload is fine (never read)", async () => {
      const headers = await signRequest(
        { method: "PUT", url: "https://e.example.com/", body: stream() },
        { credentials: staticProvider(), region, service: "s", unsignedPayload: true, allowUnsignedPayload: true },
      );
      expect(headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
    });

    it("a FormData body", async () => {
      const fd = new FormData();
      fd.set("a", "1");
      await expect(signRequest({ method: "POST", url: "https://e.example.com/", body: fd }, { credentials: staticProvider(), region, service: "s" })).rejects.toMatchObject({
        code: "InvalidConfig",
        message: expect.stringContaining("FormData"),
      });
    });

    it.each([
      ["missing", undefined],
      ["empty", ""],
    ])("%s region → NoRegion", async (_, r) => {
      const credentials = staticProvider();
      const call = () => createSigner({ credentials, region: r as string, service: "s" });
      expect(call).toThrow(CredchainError);
      expect(call).toThrow(/needs a region/);
      await expect(signRequest({ url: "https://e.example.com/" }, { credentials, region: r as string, service: "s" })).rejects.toMatchObject({ code: "NoRegion" });
      expect(credentials.calls).toBe(0);
    });

    it("a region function that resolves nothing → NoRegion", async () => {
      const credentials = staticProvider();
      await expect(signRequest({ url: "https://e.example.com/" }, { credentials, region: async () => "", service: "s" })).rejects.toMatchObject({ code: "NoRegion" });
      expect(credentials.calls).toBe(0);
    });

    it.each([
      ["missing", undefined],
      ["empty", ""],
    ])("%s service → InvalidConfig", (_, s) => {
      expect(() => createSigner({ credentials: staticProvider(), region, service: s as string })).toThrow(/needs a service name/);
    });

    it("credentials that cannot be resolved: the provider's own error", async () => {
      const failure = new CredchainError({ code: "NoCredentials", message: "Unable to locate credentials" });
      const error = await signRequest({ url: "https://e.example.com/" }, { credentials: async () => Promise.reject(failure), region, service: "s" }).catch((e) => e);
      expect(error).toBe(failure);
    });
  });

  describe("credentials go through the refresh manager", () => {
    it("one provider, many requests: fetched once", async () => {
      const credentials = staticProvider();
      for (let i = 0; i < 5; i++) await signRequest({ url: "https://e.example.com/" }, { credentials, region, service: "s" });
      expect(credentials.calls).toBe(1);
    });

    it("refresh: false calls the provider for every request", async () => {
      const credentials = staticProvider();
      for (let i = 0; i < 3; i++) await signRequest({ url: "https://e.example.com/" }, { credentials, region, service: "s", refresh: false });
      expect(credentials.calls).toBe(3);
    });

    it("a provider that already caches (has dispose) is used as is", async () => {
      const credentials = Object.assign(staticProvider(), { dispose() {} });
      for (let i = 0; i < 3; i++) await signRequest({ url: "https://e.example.com/" }, { credentials, region, service: "s" });
      expect(credentials.calls).toBe(3);
    });
  });
});

describe("unsigned payload and the services that need the hash", () => {
  it("refuses UNSIGNED-PAYLOAD for a service that needs the body's hash, before any credentials call", async () => {
    let called = 0;
    const credentials = async () => (called++, { accessKeyId: "AKID", secretAccessKey: "s", source: "explicit" as const });
    await expect(
      signRequest({ url: "https://abc.execute-api.us-east-1.amazonaws.com/" }, { credentials, region: "us-east-1", service: "execute-api", unsignedPayload: true }),
    ).rejects.toMatchObject({ code: "InvalidConfig", key: "unsignedPayload", message: expect.stringContaining('service "execute-api" needs the payload hash') });
    expect(called).toBe(0);
  });

  it("accepts it for S3", async () => {
    const credentials = async () => ({ accessKeyId: "AKID", secretAccessKey: "s", source: "explicit" as const });
    const headers = await signRequest({ url: "https://b.s3.us-east-1.amazonaws.com/k" }, { credentials, region: "us-east-1", service: "s3", unsignedPayload: true });
    expect(headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
  });
});
