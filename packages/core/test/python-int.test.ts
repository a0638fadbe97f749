import { describe, expect, it } from "vitest";
import { pythonInt } from "../src/python-int.js";

describe(pythonInt.name, () => {
  it.each([
    ["3", 3],
    [" +2 ", 2],
    ["-7", -7],
    ["1_000", 1000],
    ["\t42\n", 42],
    ["007", 7],
  ])("%j reads as %d, as Python's int()", (text, n) => {
    expect(pythonInt(text)).toBe(n);
  });

  it.each(["", " ", "1.5", "two", "1__0", "_1", "1_", "0x10", "1e3", "+", "1 2"])("%j is a ValueError in Python: undefined", (text) => {
    expect(pythonInt(text)).toBeUndefined();
  });
});
