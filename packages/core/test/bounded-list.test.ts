import { describe, expect, it } from "vitest";
import { boundedList } from "../src/bounded-list.js";

describe(boundedList.name, () => {
  it("lists everything that fits", () => {
    expect(boundedList([3])).toBe("3");
    expect(boundedList(["a", "b", "c"])).toBe("a, b, c");
  });

  it("counts what it leaves out, including items the caller never kept", () => {
    expect(boundedList([3, 4, 9], 100_000, 10)).toBe("3, 4, 9 and 99,997 more");
    const many = Array.from({ length: 100_000 }, (_, i) => i + 1);
    const text = boundedList(many);
    expect(text.length).toBeLessThan(240);
    expect(text).toMatch(/^1, 2, 3, .* and 99,9\d\d more$/);
  });

  it("cuts one long item instead of quoting it whole", () => {
    expect(boundedList(["x".repeat(1000), "y"], 2, 20)).toBe(`${"x".repeat(20)}… and 1 more`);
  });
});
