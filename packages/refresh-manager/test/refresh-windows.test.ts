import { describe, expect, it } from "vitest";
import { refreshWindows } from "../src/refresh-windows.js";

const MIN = 60_000;

describe(refreshWindows.name, () => {
  it.each([
    // lifetime, advisory, mandatory: the README's table
    [60 * MIN, 15 * MIN, 10 * MIN],
    [15 * MIN, 3.75 * MIN, 2.5 * MIN],
    [5 * MIN, 1.25 * MIN, (5 * MIN) / 6],
    [12 * 60 * MIN, 15 * MIN, 10 * MIN],
  ])("a %d ms lifetime refreshes %d ms (advisory) and %d ms (mandatory) before expiry", (lifetime, advisory, mandatory) => {
    expect(refreshWindows(lifetime)).toEqual({ advisoryMs: advisory, mandatoryMs: mandatory });
  });

  it("treats a negative lifetime as zero", () => {
    expect(refreshWindows(-5)).toEqual({ advisoryMs: 0, mandatoryMs: 0 });
  });
});
