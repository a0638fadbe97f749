import { inspect } from "node:util";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { createSigner, signRequest, type SignerOptions } from "../src/index.js";
import { staticProvider } from "./fixtures.js";
import { checkHeaders, checkMethod, checkTarget, requestUrl, usableCredentials } from "../src/validate-request.js";

const SECRETISH = "sk-live-0123456789abcdef";
const options = (extra: Partial<SignerOptions> = {}): SignerOptions & { credentials: ReturnType<typeof staticProvider> } => ({
  credentials: staticProvider(),
  region: "eu-west-1",
  service: "execute-api",
  ...extra,
}) as never;

/** The error a call rejects with, checked to be a CredchainError that quotes no secret anywhere. */
async function refusal(call: () => Promise<unknown>): Promise<CredchainError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(CredchainError.isInstance(error), String(error)).toBe(true);
  const err = error as CredchainError;
  expect(err.message + inspect(err) + JSON.stringify(err)).not.toContain(SECRETISH);
  return err;
}

describe(checkHeaders.name, () => {
  it.each([
    ["CR LF in a value", { "x-api-key": `${SECRETISH}\r\nx-injected: 1` }, /header "x-api-key": its value has CR \(U\+000D\) at index 24/],
    ["a bare LF in a value", { "x-api-key": `${SECRETISH}\nmore` }, /LF \(U\+000A\)/],
    ["a NUL in a value", { "x-api-key": `${SECRETISH}\0` }, /NUL \(U\+0000\)/],
    ["a character above U+00FF", { "x-note": `${SECRETISH}ሴ` }, /a character above U\+00FF \(U\+1234\)/],
    ["CR LF in a name", { [`x-a\r\nauthorization: ${SECRETISH}`]: "1" }, /header name "x-a…": .* CR \(U\+000D\) at index 3/],
    ["a space in a name", { "x a": "1" }, /header name "x…".* a space \(U\+0020\) at index 1/],
    ["a colon in a name", { "x:a": "1" }, /header name "x…"/],
    ["an empty name", { "": "1" }, /a header with an empty name/],
  ])("refuses %s, naming the header and never the value", (_, headers, message) => {
    let error: unknown;
    try {
      checkHeaders(headers);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: "InvalidConfig", key: "headers", message: expect.stringMatching(message) });
    expect(String((error as Error).message)).not.toContain(SECRETISH);
    expect(String((error as Error).message)).not.toContain("\n");
  });

  it("accepts what HTTP allows: tabs, latin-1, token punctuation", () => {
    expect(() => checkHeaders({ "x-!#$%&'*+-.^_`|~": "a\tb café ÿ", "content-type": "application/json; charset=utf-8" })).not.toThrow();
  });
});

describe("signRequest refuses a request it cannot sign, before any credential lookup", () => {
  it.each([
    ["no request", () => signRequest(undefined as never, options()), "request", /signing needs a request/],
    ["no url", () => signRequest({} as never, options()), "url", /the request has no url/],
    ["a url that is a number", () => signRequest({ url: 5 as never }, options()), "url", /must be a string or a URL, got number/],
    ["a relative url", () => signRequest({ url: `/path?key=${SECRETISH}` }, options()), "url", /not an absolute URL.*\(the url is not shown\)/],
    ["a url without a host", () => signRequest({ url: `mailto:${SECRETISH}@example.com` }, options()), "url", /has no host \(a mailto: URL\)/],
    ["a header with CR LF", () => signRequest({ url: "https://e.example.com/", headers: { "x-token": `${SECRETISH}\r\nx: y` } }, options()), "headers", /header "x-token"/],
    ["header pairs with CR LF", () => signRequest({ url: "https://e.example.com/", headers: [["x-token", `a\r\n${SECRETISH}`]] }, options()), "headers", /header "x-token"/],
    ["an array value with LF", () => signRequest({ url: "https://e.example.com/", headers: { "x-multi": ["ok", `${SECRETISH}\n`] } }, options()), "headers", /header "x-multi"/],
    ["a host header with CR LF", () => signRequest({ url: "https://e.example.com/", headers: { host: "e.example.com\r\nx-evil: 1" } }, options()), "headers", /header "host"/],
    ["a method with CR LF", () => signRequest({ method: "GET\r\nX-Evil: 1", url: "https://e.example.com/" }, options()), "method", /the request method "GET…" is not an HTTP method: it has CR/],
    ["a method that is not a string", () => signRequest({ method: 1 as never, url: "https://e.example.com/" }, options()), "method", /must be a string/],
  ])("%s", async (_, call, key, message) => {
    const opts = options();
    const error = await refusal(() => call());
    expect(error).toMatchObject({ code: "InvalidConfig", key, message: expect.stringMatching(message) });
    expect(opts.credentials.calls).toBe(0);
  });

  it("no options at all", async () => {
    expect(await refusal(() => signRequest({ url: "https://e.example.com/" }, undefined as never))).toMatchObject({ code: "InvalidConfig", key: "options" });
  });

  it.each([
    ["region", { region: "eu-west-1\r\nx-evil: 1" }],
    ["service", { service: "execute-api/x" }],
  ])("a %s that would break the credential scope", (key, extra) => {
    expect(() => createSigner(options(extra))).toThrow(expect.objectContaining({ code: "InvalidConfig", key }));
  });

  it("a region function resolving a bad region", async () => {
    expect(await refusal(() => signRequest({ url: "https://e.example.com/" }, options({ region: async () => "eu west" })))).toMatchObject({ code: "InvalidConfig", key: "region" });
  });
});

describe("signWire refuses a wire request it cannot sign", () => {
  const wire = { method: "GET", host: "e.example.com", path: "/", search: "", headers: {}, body: undefined };
  it.each([
    ["no request", undefined, "request"],
    ["a path with CR LF", { ...wire, path: "/a\r\nX-Evil: 1" }, "path"],
    ["a path that is not a string", { ...wire, path: undefined }, "path"],
    ["a query with LF", { ...wire, search: "?a=1\n" }, "search"],
    ["a lone surrogate in the path", { ...wire, path: "/\uD800" }, "path"],
    ["a lone surrogate in the query", { ...wire, search: "?a=\uDC00" }, "search"],
    ["no host", { ...wire, host: "" }, "host"],
  ])("%s", async (_, request, key) => {
    const opts = options();
    const error = await refusal(() => createSigner(opts).signWire(request as never));
    expect(error).toMatchObject({ code: "InvalidConfig", key });
    expect(opts.credentials.calls).toBe(0);
  });

  it("still signs a raw space or UTF-8 on the request line (the SigV4 suite has both)", async () => {
    await expect(createSigner(options()).signWire({ ...wire, path: "/example space/ሴ" })).resolves.toHaveProperty("authorization");
  });
});

describe("credentials a provider resolves are checked before signing", () => {
  it.each([
    ["undefined", undefined, "credentials", /resolved undefined, not credentials/],
    ["null", null, "credentials", /resolved null/],
    ["no secret", { accessKeyId: "AKID", source: "explicit" }, "secretAccessKey", /without a usable secretAccessKey \(undefined\)/],
    ["an empty access key", { accessKeyId: "", secretAccessKey: SECRETISH, source: "explicit" }, "accessKeyId", /without a usable accessKeyId \(empty\)/],
    ["a token that is not a string", { accessKeyId: "AKID", secretAccessKey: SECRETISH, sessionToken: 5, source: "explicit" }, "sessionToken", /sessionToken \(number\)/],
    ["a token with CR LF", { accessKeyId: "AKID", secretAccessKey: "s", sessionToken: `${SECRETISH}\r\nx-evil: 1`, source: "custom" }, "sessionToken", /whose sessionToken has CR \(U\+000D\) at index 24: it would break the signed headers/],
    ["an access key with LF", { accessKeyId: "AKID\n", secretAccessKey: "s", source: "explicit" }, "accessKeyId", /whose accessKeyId has LF/],
  ])("%s → CredentialRetrieval", async (_, creds, key, message) => {
    for (const refresh of [undefined, false] as const) {
      const error = await refusal(() => signRequest({ url: "https://e.example.com/" }, options({ credentials: async () => creds as never, refresh })));
      expect(error).toMatchObject({ code: "CredentialRetrieval", key, message: expect.stringMatching(message) });
    }
  });

  it("names the provider's source", async () => {
    const creds = { accessKeyId: "AKID", secretAccessKey: "s", sessionToken: "a\nb", source: "custom-process" };
    expect(await refusal(() => signRequest({ url: "https://e.example.com/" }, options({ credentials: async () => creds as never })))).toMatchObject({ source: "custom-process" });
  });

  it("a secret key may hold anything: it is never sent", () => {
    expect(usableCredentials({ accessKeyId: "AKID", secretAccessKey: "a\r\nb", source: "explicit" }).secretAccessKey).toBe("a\r\nb");
  });
});

describe("the helpers", () => {
  it(`${checkMethod.name} accepts any token, ${checkTarget.name} any text without control characters`, () => {
    expect(checkMethod("PROPFIND")).toBe("PROPFIND");
    expect(checkTarget("/a b/ü?x", "path")).toBe("/a b/ü?x");
  });

  it(`${requestUrl.name} takes a string or a URL`, () => {
    expect(requestUrl("https://e.example.com:8443/p?q").host).toBe("e.example.com:8443");
    expect(requestUrl(new URL("wss://e.example.com/")).protocol).toBe("wss:");
  });
});
