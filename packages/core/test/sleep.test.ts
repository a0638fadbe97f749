import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { sleep } from "../src/sleep.js";

// Outcomes and order only, never durations: a pause that would outlast the test's timeout shows
// that the abort, not the timer, ended it.
const LONG = 60_000;

describe(sleep.name, () => {
  it("resolves after the pause without a signal, and with one that never aborts", async () => {
    const signal = new AbortController().signal;
    const order: string[] = [];
    await Promise.all([sleep(5).then(() => order.push("later")), sleep(0, signal).then(() => order.push("sooner"))]);
    expect(order).toEqual(["sooner", "later"]);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("resolves at once when the signal aborts during the pause, and removes its listener", async () => {
    const controller = new AbortController();
    const paused = sleep(LONG, controller.signal);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(1);
    controller.abort(new Error("stop"));
    await expect(paused).resolves.toBeUndefined();
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("resolves without waiting when the signal was aborted before the call", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(LONG, controller.signal)).resolves.toBeUndefined();
  });

  it("keeps no timer alive after an abort: the process can exit", async () => {
    const controller = new AbortController();
    const paused = sleep(LONG, controller.signal);
    const before = process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    controller.abort();
    await paused;
    expect(process.getActiveResourcesInfo().filter((r) => r === "Timeout").length).toBe(before - 1);
  });

  it("ends before a later timer when aborted, after an earlier one when not", async () => {
    const controller = new AbortController();
    const order: string[] = [];
    const aborted = sleep(LONG, controller.signal).then(() => order.push("aborted"));
    const timed = sleep(1).then(() => order.push("timed"));
    await timed;
    controller.abort();
    await aborted;
    expect(order).toEqual(["timed", "aborted"]);
  });
});
