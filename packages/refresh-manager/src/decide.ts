import type { Call, Decision, RefreshState } from "./refresh-state.js";

/**
 * What `withRefresh` does for one call, from its state and the time alone: no I/O, no clock, no
 * timer. `with-refresh.ts` performs the answer.
 *
 * Credentials without an expiration, and any before their advisory window, are served. Inside
 * the advisory window they are served while one refresh runs behind them; from the mandatory
 * window on, callers wait for a refresh. Backing off (`now < retryAt_`) starts no refresh but an
 * expired one: advisory callers are served the cache, and so are mandatory ones after a refresh
 * that came back already inside its window; mandatory and expired ones after a failure get its
 * error. Expired credentials are never served. A refresh in flight is joined, never doubled.
 *
 * @example
 * ```ts
 * decide(state, Date.now(), { forceRefresh: false }); // "serve", "advisory", "mandatory", "join", …
 * ```
 */
export function decide(state: Readonly<RefreshState>, now: number, call: Call): Decision {
  const inFlight = state.inFlight_;
  if (call == "timer") return state.disposed_ || inFlight ? "serve" : "background";
  const force = call?.forceRefresh;
  if (force || !state.cached_) return inFlight ? "join" : force ? "forced" : "initial";
  const expiresAt = state.expiresAt_;
  if (!expiresAt || now < state.advisoryAt_) return "serve";
  const backingOff = now < state.retryAt_;
  if (now < state.mandatoryAt_) return backingOff || inFlight ? "serve" : "advisory";
  if (backingOff && state.error_ !== undefined) return "fail";
  const expired = now >= expiresAt;
  // Still valid, and the last refresh came back inside its window (static stability) or failed in
  // the advisory window: served until the backoff ends.
  if (backingOff && !expired) return "serve";
  return inFlight ? "join" : expired ? "expired" : "mandatory";
}
