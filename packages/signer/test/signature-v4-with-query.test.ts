import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it, vi } from "vitest";
import { signRequest } from "../src/index.js";
import { Sha256 } from "../src/sha256.js";
import { SignatureV4WithQuery } from "../src/signature-v4-with-query.js";
import { AKID, SECRET, staticProvider, TOKEN } from "./fixtures.js";

const init = {
  credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: TOKEN },
  region: "eu-west-1",
  service: "execute-api",
  sha256: Sha256,
  applyChecksum: false,
};
const signingDate = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
const request = { method: "GET", protocol: "https:", hostname: "example.amazonaws.com", path: "/p", headers: { host: "example.amazonaws.com" } };

/** smithy's `HttpRequest`, the very class its signer copies requests with: the class of what `sign` returns. */
async function httpRequestClass(): Promise<{ clone(request: unknown): unknown }> {
  const signed = await new SignatureV4(init).sign({ ...request, query: {} }, { signingDate });
  return signed.constructor as unknown as { clone(request: unknown): unknown };
}

describe(SignatureV4WithQuery.name, () => {
  it("signs exactly as SignatureV4 given the same query in the request", async () => {
    const query = { a: "1", "b c": ["z", "y", "y"], ü: "ß", empty: "", "%": "100%", "a+b": "=&", "X-Amz-Signature": "left out", tag: ["2", "10"] };
    const theirs = await new SignatureV4(init).sign({ ...request, query }, { signingDate });
    const ours = await new SignatureV4WithQuery(init, query).sign({ ...request, query: {} }, { signingDate });
    expect(ours.headers.authorization).toBe(theirs.headers.authorization);
  });

  it("through signRequest, smithy's HttpRequest.clone never copies the query (its copy spreads once per key: 8,000 parameters took 8–16 s)", async () => {
    const HttpRequest = await httpRequestClass();
    const clone = vi.spyOn(HttpRequest, "clone");
    try {
      const query = Array.from({ length: 1000 }, (_, i) => `k${i}=v${i}&k0=w${i}`).join("&");
      const headers = await signRequest(
        { url: `https://example.amazonaws.com/p?${query}` },
        { credentials: staticProvider(TOKEN), region: "eu-west-1", service: "execute-api", now: () => signingDate.getTime() },
      );
      expect(headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
      // Called at all: the spy sits on the class the signer really uses.
      expect(clone).toHaveBeenCalled();
      for (const [copied] of clone.mock.calls) expect(Object.keys((copied as { query?: object }).query ?? {})).toEqual([]);
    } finally {
      clone.mockRestore();
    }
  });
});
