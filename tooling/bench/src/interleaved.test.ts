import { describe, expect, it } from "vitest";
import { interleaved } from "./interleaved.js";

describe(interleaved.name, () => {
  it("gives every function its turns and a figure each, the warm-up pass not counted", async () => {
    const order: string[] = [];
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const figures = await interleaved(
      [
        async () => {
          order.push("a");
          await wait(1);
        },
        async () => {
          order.push("b");
          await wait(4);
        },
      ],
      { timeMs: 20, passes: 2 },
    );
    expect(figures).toHaveLength(2);
    // Warm-up and two passes, at least two calls each time, in turns: a…a b…b a…a b…b a…a b…b.
    expect(order.join("").replace(/(.)\1+/g, "$1")).toBe("ababab");
    expect(figures.every((f) => f.calls >= 6)).toBe(true);
    // A timer never fires early (Node rounds to the millisecond); on a loaded machine a's 1 ms can
    // take longer than b's 4 ms, so b is checked against its own floor, not against a.
    expect(figures[1]!.meanMs).toBeGreaterThanOrEqual(3);
    // Waiting on a timer costs wall time, not CPU time.
    expect(figures[1]!.cpuMs).toBeLessThan(figures[1]!.meanMs);
  });
});
