import { describe, expect, it } from "vitest";
import { ensureBoolean } from "../src/ensure-boolean.js";

describe(ensureBoolean.name, () => {
  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["TRUE", true],
    ["True", true],
    ["1", false],
    ["yes", false],
    ["", false],
    [" true", false],
    [undefined, false],
    [1, false],
  ])("%j → %s, as botocore's ensure_boolean", (value, expected) => {
    expect(ensureBoolean(value)).toBe(expected);
  });
});
