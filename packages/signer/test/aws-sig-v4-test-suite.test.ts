import { createCredentials } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { createSigner, signRequest, type SignerOptions } from "../src/index.js";
import { loadVectors, type Vector } from "./sigv4-vectors.js";

const vectors = loadVectors();

const optionsFor = (v: Vector): SignerOptions => ({
  credentials: async () =>
    createCredentials({
      accessKeyId: v.context.credentials.access_key_id,
      secretAccessKey: v.context.credentials.secret_access_key,
      sessionToken: v.context.credentials.token,
      source: "explicit",
    }),
  refresh: false,
  region: v.context.region,
  service: v.context.service,
  now: () => Date.parse(v.context.timestamp),
  uriEscapePath: v.context.normalize,
  contentSha256Header: v.context.sign_body,
});

// credchain always signs the session token; this vector adds it after signing, unsigned.
const tokenAddedAfterSigning = (v: Vector) => v.context.omit_session_token === true;
// Its header value holds line breaks (HTTP/1.1's obsolete line folding): refused, as a line break
// in a header value is how headers are injected, and no client in Node sends a folded line.
const FOLDED = "get-header-value-multiline";
const signable = (v: Vector) => !tokenAddedAfterSigning(v) && v.name !== FOLDED;

describe("aws-sig-v4-test-suite (header signing)", () => {
  it("has the whole suite", () => {
    expect(vectors.length).toBe(38);
  });

  describe("signWire: the request target exactly as on the request line", () => {
    it.each(vectors.filter(signable).map((v) => [v.name, v] as const))("%s", async (_, v) => {
      const q = v.target.indexOf("?");
      const signed = await createSigner(optionsFor(v)).signWire({
        method: v.method,
        host: "example.amazonaws.com",
        path: q < 0 ? v.target : v.target.slice(0, q),
        search: q < 0 ? "" : v.target.slice(q),
        headers: Object.fromEntries(
          // Repeated names arrive as separate lines: join them the way headerRecord does.
          Object.entries(
            v.headers.reduce<Record<string, string[]>>((acc, [n, val]) => {
              (acc[n.toLowerCase()] ??= []).push(val);
              return acc;
            }, {}),
          ).map(([n, vals]) => [n, vals.join(",")]),
        ),
        body: v.body,
      });
      expect(signed.authorization).toBe(v.authorization);
    });
  });

  // A URL cannot carry every request line. WHATWG parsing (which fetch and undici apply too)
  // resolves `.`/`..` segments, so the unnormalized (S3-style) dot vectors never reach the wire as
  // written; and it percent-encodes a raw space or UTF-8 in the path, which services other than S3
  // then sign encoded once more (`/%20` → `/%2520`, as botocore's own get-space vector shows).
  // Those six sign differently through a URL, and must: the signature matches what is sent.
  const differsThroughUrl: Record<string, string> = {
    "get-relative-unnormalized": "dot segments resolved by URL parsing",
    "get-relative-relative-unnormalized": "dot segments resolved by URL parsing",
    "get-slash-dot-slash-unnormalized": "dot segments resolved by URL parsing",
    "get-slash-pointless-dot-unnormalized": "dot segments resolved by URL parsing",
    "get-space-normalized": "raw space percent-encoded by URL parsing, then encoded again",
    "get-utf8": "raw UTF-8 percent-encoded by URL parsing, then encoded again",
  };

  describe("signRequest: the same vectors through a URL", () => {
    const viaUrl = (v: Vector) =>
      signRequest({ method: v.method, url: `http://example.amazonaws.com${v.target}`, headers: v.headers, body: v.body }, optionsFor(v));
    const usable = vectors.filter((v) => !(v.name in differsThroughUrl) && signable(v));

    it.each(usable.map((v) => [v.name, v] as const))("%s", async (_, v) => {
      expect((await viaUrl(v)).authorization).toBe(v.authorization);
    });

    it.each(Object.entries(differsThroughUrl))("%s differs: %s", async (name) => {
      const v = vectors.find((x) => x.name === name);
      expect(v).toBeDefined();
      expect((await viaUrl(v as Vector)).authorization).not.toBe(v?.authorization);
    });
  });

  it("post-sts-header-after is left out: it adds the token after signing", () => {
    expect(vectors.filter(tokenAddedAfterSigning).map((v) => v.name)).toEqual(["post-sts-header-after"]);
  });

  it(`${FOLDED} is refused: a line break in a header value, never signed`, async () => {
    const v = vectors.find((x) => x.name === FOLDED) as Vector;
    const error = await signRequest({ url: "https://example.amazonaws.com/", headers: v.headers }, optionsFor(v)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "InvalidConfig", key: "headers", message: expect.stringContaining('header "my-header1"') });
    expect((error as Error).message).not.toContain("value2");
  });
});
