import type { Credentials } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { decide } from "../src/decide.js";
import { DEFAULT_ADVISORY_WINDOW_MS, DEFAULT_MANDATORY_WINDOW_MS, refreshWindows } from "../src/refresh-windows.js";
import type { Call, Decision, RefreshState } from "../src/refresh-state.js";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
/** Where the cached credentials of most rows expire: one hour after T0. */
const EXP = T0 + 60 * MIN;
const CREDS: Credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "iam-role" };
const IN_FLIGHT = new Promise<Credentials>(() => {});
const DOWN = new Error("IMDS answered 500");
const FORCE: Call = { forceRefresh: true };

/** One-hour credentials that arrived at T0: botocore's windows, advisory at 15 and mandatory at 10 minutes before expiry. */
function hour(more: Partial<RefreshState> = {}): RefreshState {
  return {
    cached_: CREDS,
    expiresAt_: EXP,
    advisoryAt_: EXP - DEFAULT_ADVISORY_WINDOW_MS,
    mandatoryAt_: EXP - DEFAULT_MANDATORY_WINDOW_MS,
    retryAt_: 0,
    error_: undefined,
    inFlight_: undefined,
    disposed_: false,
    ...more,
  };
}

/** Credentials that arrived at `t` living `lifetime`, with the default windows for that lifetime. */
function arrived(t: number, lifetime: number, more: Partial<RefreshState> = {}): RefreshState {
  const { advisoryMs, mandatoryMs } = refreshWindows(lifetime);
  return hour({ expiresAt_: t + lifetime, advisoryAt_: t + lifetime - advisoryMs, mandatoryAt_: t + lifetime - mandatoryMs, ...more });
}

const nothing: Partial<RefreshState> = { cached_: undefined, expiresAt_: 0, advisoryAt_: 0, mandatoryAt_: 0 };
const left = (ms: number) => EXP - ms;
/** Backing off for another 10 s after a failed mandatory, expired or forced refresh. */
const failed = (now: number) => ({ retryAt_: now + 10_000, error_: DOWN });
/** Backing off after a failed advisory or background refresh, or one that came back inside its window: no error to give. */
const quiet = (now: number) => ({ retryAt_: now + 10_000 });

// IMDS static stability: with the endpoint down, fromInstanceMetadata serves the credentials it
// holds with the expiration pushed to now + 15 min + 120–600 s (botocore's _evaluate_expiration).
const EXTENDED = 17 * MIN;
const extendedWindows = refreshWindows(EXTENDED); // 4 min 15 s advisory, 2 min 50 s mandatory
// The same with botocore's fixed windows (advisoryWindowMs: 15 min, mandatoryWindowMs: 10 min).
const fixed = (t: number, lifetime: number, more: Partial<RefreshState> = {}) =>
  hour({ expiresAt_: t + lifetime, advisoryAt_: t + lifetime - 15 * MIN, mandatoryAt_: t + lifetime - 10 * MIN, ...more });

describe(decide.name, () => {
  // [what, state, now, call, decision]
  it.each<[string, RefreshState, number, Call, Decision]>([
    // Nothing cached yet
    ["first call", hour(nothing), T0, undefined, "initial"],
    ["first call while the first refresh runs", hour({ ...nothing, inFlight_: IN_FLIGHT }), T0, undefined, "join"],
    ["first call after a failed first refresh (never held back)", hour({ ...nothing, ...failed(T0) }), T0, undefined, "initial"],
    ["forceRefresh before anything is cached", hour(nothing), T0, FORCE, "forced"],

    // forceRefresh
    ["forceRefresh with fresh credentials", hour(), T0 + MIN, FORCE, "forced"],
    ["forceRefresh while a refresh runs: one upstream call", hour({ inFlight_: IN_FLIGHT }), T0 + MIN, FORCE, "join"],
    ["forceRefresh while backing off from a failure", hour(failed(left(9 * MIN))), left(9 * MIN), FORCE, "forced"],
    ["forceRefresh: false is a plain call", hour(), T0 + MIN, { forceRefresh: false }, "serve"],
    ["a plain call while a forced refresh runs, credentials fresh", hour({ inFlight_: IN_FLIGHT }), T0 + MIN, undefined, "serve"],

    // Credentials without an expiration
    ["no expiration, a year later", hour({ expiresAt_: 0 }), T0 + 365 * 24 * 60 * MIN, undefined, "serve"],
    ["no expiration, with stale windows from earlier credentials", hour({ expiresAt_: 0 }), EXP + MIN, undefined, "serve"],
    ["no expiration, forceRefresh", hour({ expiresAt_: 0 }), T0, FORCE, "forced"],

    // Before the advisory window
    ["just arrived", hour(), T0, undefined, "serve"],
    ["16 min left", hour(), left(16 * MIN), undefined, "serve"],
    ["15 min + 1 ms left", hour(), left(15 * MIN) - 1, undefined, "serve"],

    // Advisory window: [15 min, 10 min) before expiry
    ["exactly 15 min left: the advisory window opens", hour(), left(15 * MIN), undefined, "advisory"],
    ["14 min left", hour(), left(14 * MIN), undefined, "advisory"],
    ["14 min left, a refresh running", hour({ inFlight_: IN_FLIGHT }), left(14 * MIN), undefined, "serve"],
    ["14 min left, after a failed advisory refresh", hour(quiet(left(14 * MIN))), left(14 * MIN), undefined, "serve"],
    ["14 min left, after a failed forced refresh (advisory callers keep the cache)", hour(failed(left(14 * MIN))), left(14 * MIN), undefined, "serve"],
    ["14 min left, the backoff just over", hour({ retryAt_: left(14 * MIN) }), left(14 * MIN), undefined, "advisory"],
    ["10 min + 1 ms left", hour(), left(10 * MIN) - 1, undefined, "advisory"],

    // Mandatory window: [10 min, 0) before expiry
    ["exactly 10 min left: the mandatory window opens", hour(), left(10 * MIN), undefined, "mandatory"],
    ["9 min left", hour(), left(9 * MIN), undefined, "mandatory"],
    ["9 min left, a refresh running", hour({ inFlight_: IN_FLIGHT }), left(9 * MIN), undefined, "join"],
    ["9 min left, after a failed refresh: its error, no new call", hour(failed(left(9 * MIN))), left(9 * MIN), undefined, "fail"],
    ["9 min left, after a failure, a forced refresh running", hour({ ...failed(left(9 * MIN)), inFlight_: IN_FLIGHT }), left(9 * MIN), undefined, "fail"],
    ["9 min left, after a failed advisory refresh", hour(quiet(left(9 * MIN))), left(9 * MIN), undefined, "serve"],
    ["9 min left, the backoff just over", hour({ retryAt_: left(9 * MIN), error_: DOWN }), left(9 * MIN), undefined, "mandatory"],
    ["1 ms left", hour(), EXP - 1, undefined, "mandatory"],

    // Expired: never served
    ["exactly at expiry", hour(), EXP, undefined, "expired"],
    ["1 min after expiry", hour(), EXP + MIN, undefined, "expired"],
    ["expired, a refresh running", hour({ inFlight_: IN_FLIGHT }), EXP, undefined, "join"],
    ["expired, after a failed refresh: its error", hour(failed(EXP)), EXP, undefined, "fail"],
    ["expired, backing off without an error: a new refresh anyway", hour(quiet(EXP)), EXP, undefined, "expired"],

    // Windows scaled to a short lifetime (5 min: 1 min 15 s advisory, 50 s mandatory)
    ["5-min credentials, 80 s left", arrived(T0, 5 * MIN), T0 + 5 * MIN - 80_000, undefined, "serve"],
    ["5-min credentials, 75 s left", arrived(T0, 5 * MIN), T0 + 5 * MIN - 75_000, undefined, "advisory"],
    ["5-min credentials, 50 s left", arrived(T0, 5 * MIN), T0 + 5 * MIN - 50_000, undefined, "mandatory"],

    // IMDS static stability: extended credentials are served, then refreshed as any others
    ["extended 17 min: served", arrived(T0, EXTENDED), T0 + 12 * MIN, undefined, "serve"],
    ["extended 17 min: the advisory window opens 4 min 15 s before", arrived(T0, EXTENDED), T0 + EXTENDED - extendedWindows.advisoryMs, undefined, "advisory"],
    ["extended 17 min: endpoint still down, advisory refresh failed", arrived(T0, EXTENDED, quiet(T0 + 13 * MIN)), T0 + 13 * MIN, undefined, "serve"],
    ["extended 17 min: mandatory window, backing off from a failed advisory refresh", arrived(T0, EXTENDED, quiet(T0 + 14.4 * MIN)), T0 + 14.5 * MIN, undefined, "serve"],
    ["extended 17 min: mandatory window, the backoff over: callers wait", arrived(T0, EXTENDED, quiet(T0 + 13 * MIN)), T0 + 14.5 * MIN, undefined, "mandatory"],
    ["extended 17 min: the limit, expiry (IMDS extends again, or the refresh fails)", arrived(T0, EXTENDED, quiet(T0 + EXTENDED)), T0 + EXTENDED, undefined, "expired"],
    // With botocore's fixed windows the extension arrives inside the advisory window: backoff, no loop
    ["fixed windows, extension arrived 17 min out: served", fixed(T0, EXTENDED), T0 + MIN, undefined, "serve"],
    ["fixed windows, 12 min left: advisory", fixed(T0, EXTENDED), T0 + 5 * MIN, undefined, "advisory"],
    ["fixed windows, 5-min credentials just arrived, inside both windows: served during the backoff", fixed(T0, 5 * MIN, quiet(T0)), T0 + 5_000, undefined, "serve"],
    ["fixed windows, 5-min credentials, the backoff over", fixed(T0, 5 * MIN, quiet(T0)), T0 + 10_000, undefined, "mandatory"],

    // The background timer
    ["timer in the advisory window", hour(), left(14 * MIN), "timer", "background"],
    ["timer when a backoff ends", hour(quiet(left(14 * MIN))), left(14 * MIN) + 10_000, "timer", "background"],
    ["timer while a refresh runs", hour({ inFlight_: IN_FLIGHT }), left(14 * MIN), "timer", "serve"],
    ["timer after dispose()", hour({ disposed_: true }), left(14 * MIN), "timer", "serve"],
  ])("%s", (_, state, now, call, decision) => {
    expect(decide(state, now, call)).toBe(decision);
  });

  it("reads the state and the time only: the same question gets the same answer", () => {
    const state = Object.freeze(hour());
    const answers = [1, 2, 3].map(() => decide(state, left(14 * MIN), undefined));
    expect(answers).toEqual(["advisory", "advisory", "advisory"]);
  });
});
