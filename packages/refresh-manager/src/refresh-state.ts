import type { Credentials, ProviderCallOptions } from "@credchain/core/local";

/** Why a refresh ran: the state of the cached credentials when it started. */
export type RefreshReason = "initial" | "advisory" | "mandatory" | "expired" | "forced" | "background";

/**
 * What a provider made by `withRefresh` remembers between calls, as far as deciding goes. Times
 * are milliseconds since the epoch. (Names ending in `_` are internal to the package: the build
 * shortens them, so state in one object costs about the bytes of state in a closure.)
 */
export interface RefreshState {
  /** The credentials served: the last ones a refresh returned. */
  cached_: Credentials | undefined;
  /** When they expire; 0 when they never do. */
  expiresAt_: number;
  /** When their advisory window opens: expiration minus the advisory window. */
  advisoryAt_: number;
  /** When their mandatory window opens: expiration minus the mandatory window. */
  mandatoryAt_: number;
  /**
   * Backoff: no refresh starts before this time, unless forced or expired. Set after a failed
   * refresh, and after one that returned credentials already inside their advisory window (an
   * IMDS provider extending them for static stability), so such a provider is not called on
   * every request.
   */
  retryAt_: number;
  /** While backing off: the failed refresh's error, for mandatory callers. Undefined after an advisory or background failure. */
  error_: unknown;
  /** The one upstream call in flight, which every caller that needs a refresh joins. */
  inFlight_: Promise<Credentials> | undefined;
  /** `dispose()` was called: background refresh is off. */
  disposed_: boolean;
}

/**
 * Who asks: a caller, with its options (`forceRefresh`), or the background timer (`"timer"`),
 * which fires as the advisory window opens (plus jitter) or a backoff ends.
 */
export type Call = ProviderCallOptions | undefined | "timer";

/**
 * What to do for one call: a verb, or the reason of the refresh to start (which says who waits).
 *
 * - `serve`: hand out the cached credentials (for the timer: nothing to do).
 * - `advisory`, `background`: serve the cache and start a refresh nobody waits for.
 * - `initial`, `mandatory`, `expired`, `forced`: start a refresh; the caller gets its outcome.
 * - `join`: wait for the refresh already in flight.
 * - `fail`: reject with `error_`, the last refresh's (while backing off).
 */
export type Decision = "serve" | "join" | "fail" | RefreshReason;
