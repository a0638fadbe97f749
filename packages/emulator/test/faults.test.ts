import { describe, expect, it } from "vitest";
import { FaultTable } from "../src/faults.js";

describe(FaultTable.name, () => {
  it("matches exact paths, prefixes ending in * and * for everything", () => {
    const t = new FaultTable();
    t.add("/a/b", 500);
    t.add("/p/*", 503);
    t.add("*", 404);
    expect(t.take("/a/b")).toBe(500);
    expect(t.take("/p/q/r")).toBe(503);
    expect(t.take("/zzz")).toBe(404);
  });

  it("applies the first matching fault in the order added and counts times down", () => {
    const t = new FaultTable();
    t.add("/x", "hang", { times: 2 });
    t.add("*", 500, { times: 1 });
    expect([t.take("/x"), t.take("/x"), t.take("/x"), t.take("/x")]).toEqual(["hang", "hang", 500, undefined]);
  });

  it("keeps a fault without times until cleared", () => {
    const t = new FaultTable();
    t.add("/x", "reset");
    for (let i = 0; i < 5; i++) expect(t.take("/x")).toBe("reset");
    t.clear();
    expect(t.take("/x")).toBeUndefined();
  });

  it("rejects nonsense faults", () => {
    const t = new FaultTable();
    expect(() => t.add("/x", 42)).toThrow(RangeError);
    expect(() => t.add("/x", "explode" as never)).toThrow(/unknown fault/);
    expect(() => t.add("/x", { delayMs: -1 })).toThrow(RangeError);
    expect(() => t.add("/x", 500, { times: 0 })).toThrow(RangeError);
  });
});
