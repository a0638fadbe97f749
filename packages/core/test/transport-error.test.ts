import { describe, expect, it, vi } from "vitest";
import { TransportError } from "../src/transport.js";

describe(TransportError.name, () => {
  it("instanceof holds for one from another copy of core (a program loading the ESM and the CommonJS build)", async () => {
    vi.resetModules();
    const other = (await import("../src/transport.js")).TransportError;
    expect(other).not.toBe(TransportError);
    expect(new other("timeout", "http://127.0.0.1/", "slow")).toBeInstanceOf(TransportError);
    expect(new TransportError("aborted", "http://127.0.0.1/", "stop")).toBeInstanceOf(other);
  });

  it("and for nothing else", () => {
    expect(new Error("x")).not.toBeInstanceOf(TransportError);
    expect(Object.assign(new Error("x"), { kind: "timeout" })).not.toBeInstanceOf(TransportError);
    expect(null).not.toBeInstanceOf(TransportError);
    expect("TransportError").not.toBeInstanceOf(TransportError);
  });
});
