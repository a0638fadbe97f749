import { describe, expect, it } from "vitest";
import { defaultSleep } from "../src/retry.js";

// The pause between STS attempts: an abort rejects with the signal's reason, so a retry loop
// stops there. Outcomes only, no durations: a pause longer than the test's timeout shows that
// the abort ended it.
const LONG = 60_000;

describe(defaultSleep.name, () => {
  it("resolves after the pause when nothing aborts", async () => {
    await expect(defaultSleep(1, new AbortController().signal)).resolves.toBeUndefined();
    await expect(defaultSleep(1)).resolves.toBeUndefined();
  });

  it("rejects with the signal's reason when aborted during the pause", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const paused = defaultSleep(LONG, controller.signal);
    controller.abort(reason);
    await expect(paused).rejects.toBe(reason);
  });

  it("rejects with the signal's reason when aborted before the call", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await defaultSleep(LONG, controller.signal).catch((e: unknown) => e);
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe("AbortError");
  });
});
