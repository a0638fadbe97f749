import { describe, expect, it } from "vitest";
import { documentCredentials, tryRequest } from "../src/endpoint-credentials.js";
import { TransportError, transportError, transportFailure } from "../src/transport.js";

const url = "http://127.0.0.1:1/x";

describe(transportError.name, () => {
  it("finds the socket's code however deep a transport nests it", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    // node:http: the socket's error itself; fetch: "fetch failed" with the socket's error as cause;
    // undici: its own code with the socket's error as cause; net: an AggregateError of each address.
    for (const error of [
      socket,
      new TypeError("fetch failed", { cause: socket }),
      Object.assign(new Error("x"), { code: "UND_ERR_INFO", cause: socket }),
      Object.assign(new AggregateError([socket], ""), { code: undefined }),
    ]) {
      const e = transportError(error, { method: "GET", url });
      expect(e).toMatchObject({ kind: "network", detail: "ECONNREFUSED", url });
      expect(e.message).toBe(`request to ${url} failed (ECONNREFUSED)`);
      expect(e.cause).toBe(error);
    }
  });

  it("keeps a library's own code, else the innermost message", () => {
    expect(transportError(Object.assign(new Error("x"), { code: "UND_ERR_CONNECT_TIMEOUT" }), { method: "GET", url }).detail).toBe("UND_ERR_CONNECT_TIMEOUT");
    expect(transportError(new TypeError("fetch failed", { cause: new Error("self-signed certificate") }), { method: "GET", url }).detail).toBe("self-signed certificate");
    expect(transportError("down", { method: "GET", url }).detail).toBe("down");
  });

  it("says aborted when the caller's signal fired, timeout when the transport's timer did", () => {
    const error = new DOMException("stopped", "AbortError");
    expect(transportError(error, { method: "GET", url, signal: AbortSignal.abort() }).kind).toBe("aborted");
    const timeout = transportError(error, { method: "GET", url, timeoutMs: 50 }, true);
    expect(timeout).toMatchObject({ kind: "timeout", message: `request to ${url} timed out after 50 ms` });
  });

  it("calls a connection closed before a whole answer ECONNRESET, as node:http does, when undici or fetch says UND_ERR_SOCKET", () => {
    const closed = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    expect(transportError(new TypeError("fetch failed", { cause: closed }), { method: "GET", url }).detail).toBe("ECONNRESET");
  });

  it("passes a TransportError through", () => {
    const e = new TransportError("too-large", url, "big");
    expect(transportError(e, { method: "GET", url })).toBe(e);
  });
});

describe(transportFailure.name, () => {
  it("words each kind, reading the detail whichever transport failed", () => {
    expect(transportFailure(new TransportError("timeout", url, "…"), 1000)).toBe("no response within 1000 ms");
    expect(transportFailure(new TransportError("too-large", url, "…"))).toBe("the response was too large");
    expect(transportFailure(new TransportError("network", url, "…", undefined, "ECONNRESET"))).toBe("connection failed (ECONNRESET)");
    expect(transportFailure(new TransportError("network", url, "…"))).toBe("connection failed (network error)");
  });
});

describe("transport error messages", () => {
  const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  it("redact and bound what the network stack or a custom transport said", () => {
    const error = new TransportError("network", "http://127.0.0.1:1/x", `request failed: {"SecretAccessKey": "${SECRET}"} ${"x".repeat(5000)}`, undefined, `${SECRET} ${"y".repeat(500)}`);
    expect(error.message).not.toContain(SECRET);
    expect(error.message.length).toBeLessThan(600);
    expect(error.detail).not.toContain(SECRET);
    expect(error.detail!.length).toBeLessThan(260);
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

describe(tryRequest.name, () => {
  it("marks every metadata-endpoint request direct: no transport may send it through a proxy", async () => {
    const seen: unknown[] = [];
    await tryRequest(async (request) => (seen.push(request), { status: 200, headers: {}, body: "" }), { method: "GET", url: "http://169.254.169.254/x" }, "iam-role");
    expect(seen).toEqual([{ method: "GET", url: "http://169.254.169.254/x", direct: true }]);
  });
});
