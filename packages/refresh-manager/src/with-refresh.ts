import {
  CredchainError,
  quoteUntrusted,
  type CredentialProvider,
  type Credentials,
  type CredentialSource,
  type Logger,
  type ProviderCallOptions,
} from "@credchain/core/local";
import { resolveLogger } from "@credchain/core/internal";
import { decide } from "./decide.js";
import type { RefreshReason, RefreshState } from "./refresh-state.js";
import { DEFAULT_ADVISORY_WINDOW_MS, DEFAULT_MANDATORY_WINDOW_MS, pickWindow, type RefreshWindowOption } from "./refresh-windows.js";

export type { RefreshReason };

/** What `onRefresh` and `onError` receive: enough to log and count, never a secret. */
export interface RefreshInfo {
  reason: RefreshReason;
  /** When the refresh started, from `now`. */
  startedAt: number;
  /** Expiration of the credentials served before this refresh, if any and if they expire. */
  previousExpiration?: Date;
  /** On success: the new credentials' expiration (absent: they never expire). */
  expiration?: Date;
  /** On success: where the new credentials came from. */
  source?: CredentialSource;
}

export interface WithRefreshOptions {
  /**
   * How long before expiry a refresh starts while callers keep getting the cached credentials:
   * milliseconds, or a function of the credentials' lifetime. Default: 15 minutes, at most a
   * quarter of the lifetime (see `refreshWindows`).
   */
  advisoryWindowMs?: RefreshWindowOption;
  /**
   * How long before expiry callers wait for a refresh, and see its error: milliseconds, or a
   * function of the lifetime. Never wider than the advisory window. Default: 10 minutes, at most
   * a sixth of the lifetime.
   */
  mandatoryWindowMs?: RefreshWindowOption;
  /**
   * After a failed refresh, or one that returned credentials already inside their refresh window,
   * no refresh starts for this long (forced and expired calls excepted): callers get the cached
   * credentials (advisory) or the last error (mandatory). Default: 10 000 ms.
   */
  retryIntervalMs?: number;
  /**
   * Refresh on a timer (with jitter) as the advisory window opens, so callers rarely wait. The timer
   * is unref'd: it never keeps a process alive. Stop it with `dispose()`. Default: false.
   */
  background?: boolean;
  /** Milliseconds since the epoch. Default: `Date.now`. */
  now?: () => number;
  /** Timer for background refresh. Default: the global `setTimeout` (its handle is unref'd). */
  setTimeout?: (callback: () => void, ms: number) => unknown;
  /** Default: the global `clearTimeout`. */
  clearTimeout?: (handle: unknown) => void;
  /** Jitter source in [0, 1). Default: `Math.random`. */
  random?: () => number;
  /** Debug and warning lines, never with secrets. Default: silent unless `CREDCHAIN_DEBUG` is set. */
  logger?: Logger;
  /** Called after every successful upstream call. Exceptions it throws are ignored. */
  onRefresh?: (info: RefreshInfo) => void;
  /** Called after every failed upstream call, whether or not a caller sees the error. */
  onError?: (error: unknown, info: RefreshInfo) => void;
}

/** A caching provider, plus `dispose()` to stop its background timer. */
export type RefreshingProvider = CredentialProvider & {
  /** Stops background refresh. The provider keeps working, refreshing on demand. */
  dispose(): void;
};


/** The decision's state, plus what the shell needs to act on it: one object per provider. */
interface Shell extends RefreshState {
  provider_: CredentialProvider;
  options_: WithRefreshOptions;
  /** The armed background timer's handle. */
  timer_: unknown;
}

// Shared by every provider made without options, so none keeps an empty object of its own.
const NO_OPTIONS: WithRefreshOptions = {};
const noop = () => {};

/**
 * Wraps a provider with a cache and botocore's refresh windows.
 *
 * - Credentials without `expiration` are cached until `forceRefresh`.
 * - Advisory window: callers get the cached credentials while one refresh runs; its failure is
 *   logged and reported to `onError`, and the cached credentials stay in use.
 * - Mandatory window and past expiry: callers wait for the refresh; a failure rejects with the
 *   provider's error. Expired credentials are never returned.
 * - One upstream call at a time, however many callers wait (also under `forceRefresh`). A caller's
 *   `signal` abandons its wait, not the shared refresh.
 *
 * What a call does is `decide`d from the state and the time; this keeps the state, performs the
 * decision and logs.
 *
 * @example
 * ```ts
 * import { withRefresh } from "@credchain/refresh-manager";
 * import { fromContainerMetadata } from "@credchain/provider-container";
 *
 * const credentials = withRefresh(fromContainerMetadata(), {
 *   background: true,
 *   onError: (error, info) => console.warn(`refresh (${info.reason}) failed:`, error),
 * });
 * const { accessKeyId } = await credentials();
 * ```
 */
export function withRefresh(provider: CredentialProvider, options: WithRefreshOptions = NO_OPTIONS): RefreshingProvider {
  const s: Shell = {
    provider_: provider,
    options_: options,
    cached_: undefined,
    expiresAt_: 0,
    advisoryAt_: 0,
    mandatoryAt_: 0,
    retryAt_: 0,
    error_: undefined,
    inFlight_: undefined,
    disposed_: false,
    timer_: undefined,
  };
  // Functions bound to the state rather than closures over it: a bound function costs a cached
  // provider less than a closure and its context (issue #15: ≤ the AWS SDK's memoize per provider).
  const refreshing = serveCall.bind(s) as RefreshingProvider;
  // Without background refresh no timer is ever armed, so there is nothing to stop: one shared no-op.
  refreshing.dispose = options.background ? dispose.bind(s) : noop;
  return refreshing;
}

// A method named "", so the bound provider is nameless but for the "bound " prefix, as the closure
// it replaced was nameless: chain() labels a bare provider by its own name, else by its place.
const { "": serveCall } = {
  async ""(this: Shell, call?: ProviderCallOptions): Promise<Credentials> {
    const signal = call?.signal;
    signal?.throwIfAborted();
    // The clock only matters once credentials expire (decide reads it for nothing else): the hot
    // path of credentials that never do skips the call.
    const d = decide(this, this.expiresAt_ && now(this), call);
    if (d == "fail") throw this.error_;
    if (d == "serve") return this.cached_!;
    // Joined, or started (only an advisory refresh runs with nobody waiting).
    const p = d == "join" ? this.inFlight_! : refresh(this, d as RefreshReason);
    return d == "advisory" ? this.cached_! : wait(p, signal);
  },
};

function dispose(this: Shell): void {
  this.disposed_ = true;
  stopTimer(this);
}

const now = (s: Shell) => (s.options_.now ?? Date.now)();

function stopTimer(s: Shell): void {
  if (s.timer_ !== undefined) (s.options_.clearTimeout ?? (clearTimeout as (handle: unknown) => void))(s.timer_);
  s.timer_ = undefined;
}

/** Arms the background timer for `at`, when background refresh is on and `at` is before expiry. */
function schedule(s: Shell, at: number): void {
  stopTimer(s);
  if (s.options_.background && !s.disposed_ && at < s.expiresAt_) {
    const fire = () => {
      s.timer_ = undefined;
      const t = now(s);
      // Nothing to do once disposed or while a refresh runs (its outcome arms the timer again).
      if (decide(s, t, "timer") == "serve") return;
      // setTimeout fires at once for delays above 2^31-1 ms: longer waits are taken in steps.
      if (t < at) schedule(s, at);
      else void refresh(s, "background");
    };
    const timer = (s.timer_ = (s.options_.setTimeout ?? setTimeout)(fire, Math.min(Math.max(at - now(s), 0), 2 ** 31 - 1)));
    (timer as { unref?: () => void } | undefined)?.unref?.();
  }
}

/** Starts the one upstream call (`decide` joins the one in flight instead of asking for another). */
function refresh(s: Shell, reason: RefreshReason): Promise<Credentials> {
  const p = (s.inFlight_ = run(s, reason));
  // Handled here: callers who stopped waiting (or never waited) leave no unhandled rejection.
  p.catch(noop);
  return p;
}

async function run(s: Shell, reason: RefreshReason): Promise<Credentials> {
  const { options_: options, cached_: cached } = s;
  // The default (stderr under CREDCHAIN_DEBUG, else silent) is core's to decide.
  const logger = resolveLogger(options.logger);
  const retryIntervalMs = options.retryIntervalMs ?? 10_000;
  const info: RefreshInfo = { reason, startedAt: now(s) };
  if (cached?.expiration) info.previousExpiration = cached.expiration;
  // Yield once so `inFlight_` is set before a synchronously failing provider settles.
  await undefined;
  try {
    const creds = await s.provider_(reason == "forced" ? { forceRefresh: true } : undefined);
    const t = now(s);
    const { expiration, source } = creds;
    if (expiration && !(+expiration > t)) {
      throw new CredchainError({ code: "CredentialRetrieval", source, message: `credentials from ${source} were refreshed, but are still expired (${expiration.toISOString()})` });
    }
    s.cached_ = creds;
    s.error_ = undefined;
    s.retryAt_ = s.expiresAt_ = 0;
    if (expiration) {
      info.expiration = expiration;
      // Their windows, a backoff if they are already due, the background timer.
      const exp = (s.expiresAt_ = +expiration);
      const life = exp - t;
      const advisory = pickWindow(options.advisoryWindowMs, life, DEFAULT_ADVISORY_WINDOW_MS, 4);
      const mandatory = Math.min(advisory, pickWindow(options.mandatoryWindowMs, life, DEFAULT_MANDATORY_WINDOW_MS, 6));
      s.advisoryAt_ = exp - advisory;
      s.mandatoryAt_ = exp - mandatory;
      // A provider that hands back credentials already due for refresh (static stability, a
      // too-wide custom window) would otherwise be called on every request.
      if (life <= advisory) s.retryAt_ = t + retryIntervalMs;
      schedule(s, Math.max(exp - advisory + (options.random ?? Math.random)() * (advisory - mandatory) * 0.5, s.retryAt_));
    } else stopTimer(s);
    info.source = source;
    logger.debug(`refreshed credentials from ${source} (${reason})`);
    hook(options.onRefresh, info);
    return creds;
  } catch (error) {
    if (s.cached_) {
      s.retryAt_ = now(s) + retryIntervalMs;
      s.error_ = reason == "advisory" || reason == "background" ? undefined : error;
      schedule(s, s.retryAt_);
    }
    // A provider of the caller's own may throw anything: its words are quoted like a server's.
    logger.warn(`the ${reason} refresh of credentials failed: ${CredchainError.isInstance(error) ? error.message : quoteUntrusted(String((error as Error)?.message ?? error))}`);
    hook(options.onError, error, info);
    throw error;
  } finally {
    s.inFlight_ = undefined;
  }
}

function hook<A extends unknown[]>(f: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    f?.(...args);
  } catch {
    // A logging hook must not break credential resolution.
  }
}

function wait<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal
    ? new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
      })
    : p;
}
