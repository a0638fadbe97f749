import {
  CredchainError,
  quoteUntrusted,
  resolveLogger,
  type CredentialProvider,
  type Credentials,
  type CredentialSource,
  type Logger,
  type ProviderCallOptions,
} from "@credchain/core";
import { refreshWindows } from "./refresh-windows.js";

/** Why a refresh ran: the state of the cached credentials when it started. */
export type RefreshReason = "initial" | "advisory" | "mandatory" | "expired" | "forced" | "background";

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

type Window = number | ((lifetimeMs: number) => number);

export interface WithRefreshOptions {
  /**
   * How long before expiry a refresh starts while callers keep getting the cached credentials:
   * milliseconds, or a function of the credentials' lifetime. Default: 15 minutes, at most a
   * quarter of the lifetime (see `refreshWindows`).
   */
  advisoryWindowMs?: Window;
  /**
   * How long before expiry callers wait for a refresh, and see its error: milliseconds, or a
   * function of the lifetime. Never wider than the advisory window. Default: 10 minutes, at most
   * a sixth of the lifetime.
   */
  mandatoryWindowMs?: Window;
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
export function withRefresh(provider: CredentialProvider, options: WithRefreshOptions = {}): RefreshingProvider {
  const { now = Date.now, retryIntervalMs = 10_000, random = Math.random, onRefresh, onError, background } = options;
  const logger = resolveLogger(options.logger, process.env);
  const arm = options.setTimeout ?? setTimeout;
  const disarm = options.clearTimeout ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let cached: Credentials | undefined;
  let advisoryMs = 0;
  let mandatoryMs = 0;
  // Backoff: no refresh before retryAt; lastError is what mandatory callers get meanwhile.
  let retryAt = 0;
  let lastError: unknown;
  let inFlight: Promise<Credentials> | undefined;
  let timer: unknown;
  let disposed = false;

  const hook = <A extends unknown[]>(f: ((...args: A) => void) | undefined, ...args: A) => {
    try {
      f?.(...args);
    } catch {
      // A logging hook must not break credential resolution.
    }
  };
  const stopTimer = () => {
    if (timer !== undefined) disarm(timer);
    timer = undefined;
  };
  const schedule = (at: number) => {
    stopTimer();
    const exp = cached?.expiration?.getTime();
    if (background && !disposed && exp !== undefined && at < exp) {
      // setTimeout fires at once for delays above 2^31-1 ms; longer waits are taken in steps.
      timer = arm(() => {
        timer = undefined;
        if (!disposed && !inFlight) {
          if (now() < at) schedule(at);
          else void refresh("background");
        }
      }, Math.min(Math.max(at - now(), 0), 2 ** 31 - 1));
      (timer as { unref?: () => void } | undefined)?.unref?.();
    }
  };
  const accept = (creds: Credentials, t: number) => {
    cached = creds;
    lastError = undefined;
    retryAt = 0;
    const exp = creds.expiration?.getTime();
    if (exp === undefined) return stopTimer();
    const life = exp - t;
    const defaults = refreshWindows(life);
    const pick = (w: Window | undefined, fallback: number) => Math.max(0, w === undefined ? fallback : typeof w == "number" ? w : w(life));
    advisoryMs = pick(options.advisoryWindowMs, defaults.advisoryMs);
    mandatoryMs = Math.min(advisoryMs, pick(options.mandatoryWindowMs, defaults.mandatoryMs));
    // A provider that hands back credentials already due for refresh (static stability, a too-wide
    // custom window) would otherwise be called on every request.
    if (life <= advisoryMs) retryAt = t + retryIntervalMs;
    schedule(Math.max(exp - advisoryMs + random() * (advisoryMs - mandatoryMs) * 0.5, retryAt));
  };
  const refresh = (reason: RefreshReason): Promise<Credentials> => {
    if (!inFlight) {
      const info: RefreshInfo = { reason, startedAt: now() };
      if (cached?.expiration) info.previousExpiration = cached.expiration;
      const run = async (): Promise<Credentials> => {
        // Yield once so `inFlight` is set before a synchronously failing provider settles.
        await undefined;
        try {
          const creds = await provider(reason == "forced" ? { forceRefresh: true } : undefined);
          const t = now();
          const { expiration, source } = creds;
          if (expiration && !(+expiration > t)) {
            throw new CredchainError({ code: "CredentialRetrieval", source, message: `credentials from ${source} were refreshed, but are still expired (${expiration.toISOString()})` });
          }
          accept(creds, t);
          if (expiration) info.expiration = expiration;
          info.source = source;
          logger.debug(`refreshed credentials from ${source} (${reason})`);
          hook(onRefresh, info);
          return creds;
        } catch (error) {
          if (cached) {
            retryAt = now() + retryIntervalMs;
            lastError = reason == "advisory" || reason == "background" ? undefined : error;
            schedule(retryAt);
          }
          // A provider of the caller's own may throw anything: its words are quoted like a server's.
          logger.warn(`the ${reason} refresh of credentials failed: ${CredchainError.isInstance(error) ? error.message : quoteUntrusted(String((error as Error)?.message ?? error))}`);
          hook(onError, error, info);
          throw error;
        } finally {
          inFlight = undefined;
        }
      };
      // Handled here: callers who stopped waiting (or never waited) leave no unhandled rejection.
      (inFlight = run()).catch(noop);
    }
    return inFlight!;
  };
  const get = async (callOptions?: ProviderCallOptions): Promise<Credentials> => {
    const signal = callOptions?.signal;
    signal?.throwIfAborted();
    if (callOptions?.forceRefresh) return wait(refresh("forced"), signal);
    if (!cached) return wait(refresh("initial"), signal);
    const exp = cached.expiration?.getTime();
    if (exp === undefined) return cached;
    const t = now();
    const left = exp - t;
    const backingOff = t < retryAt;
    if (left > advisoryMs) return cached;
    if (left <= mandatoryMs) {
      // Mandatory window or past expiry: wait for a refresh, unless backing off from a failed one.
      if (backingOff && lastError !== undefined) throw lastError;
      if (left <= 0 || !backingOff) return wait(refresh(left <= 0 ? "expired" : "mandatory"), signal);
      return cached;
    }
    if (!backingOff) void refresh("advisory");
    return cached;
  };
  return Object.assign(get, {
    dispose() {
      disposed = true;
      stopTimer();
    },
  });
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
