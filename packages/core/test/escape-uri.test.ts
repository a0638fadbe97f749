import { describe, expect, it } from "vitest";
import { escapeUri } from "../src/escape-uri.js";

describe("escapeUri", () => {
  it("percent-encodes all but the RFC 3986 unreserved characters, !'()* included", () => {
    expect(escapeUri("it's a (test)*!")).toBe("it%27s%20a%20%28test%29%2A%21");
    expect(escapeUri("AZaz09-_.~")).toBe("AZaz09-_.~");
    expect(escapeUri("a/b=c")).toBe("a%2Fb%3Dc");
  });
});
