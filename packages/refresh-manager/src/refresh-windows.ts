/** botocore's advisory refresh timeout (`_DEFAULT_ADVISORY_REFRESH_TIMEOUT`): 15 minutes. */
export const DEFAULT_ADVISORY_WINDOW_MS = 15 * 60_000;
/** botocore's mandatory refresh timeout (`_DEFAULT_MANDATORY_REFRESH_TIMEOUT`): 10 minutes. */
export const DEFAULT_MANDATORY_WINDOW_MS = 10 * 60_000;

/** How long before expiry a refresh starts in the background (advisory) and blocks callers (mandatory). */
export interface RefreshWindows {
  advisoryMs: number;
  mandatoryMs: number;
}

/**
 * The default windows for credentials that live `lifetimeMs` (expiration minus the moment they
 * arrived): botocore's 15 and 10 minutes, but never more than a quarter (advisory) and a sixth
 * (mandatory) of the lifetime, so short-lived credentials are used for three quarters of their
 * life instead of being refetched on every call.
 *
 * | lifetime | advisory | mandatory | served without any refresh |
 * |---|---|---|---|
 * | 1 h | 15 min | 10 min | 45 min |
 * | 15 min | 3 min 45 s | 2 min 30 s | 11 min 15 s |
 * | 5 min | 1 min 15 s | 50 s | 3 min 45 s |
 *
 * @example
 * ```ts
 * refreshWindows(60 * 60_000); // { advisoryMs: 900000, mandatoryMs: 600000 }
 * ```
 */
export function refreshWindows(lifetimeMs: number): RefreshWindows {
  return {
    advisoryMs: pickWindow(undefined, lifetimeMs, DEFAULT_ADVISORY_WINDOW_MS, 4),
    mandatoryMs: pickWindow(undefined, lifetimeMs, DEFAULT_MANDATORY_WINDOW_MS, 6),
  };
}

/** A window option: milliseconds, or a function of the credentials' lifetime. */
export type RefreshWindowOption = number | ((lifetimeMs: number) => number);

/**
 * One window for credentials that live `lifetimeMs`: the option given (ms, or a function of the
 * lifetime), else the default rule (`max`, at most `lifetime / share`); never negative.
 */
export function pickWindow(option: RefreshWindowOption | undefined, lifetimeMs: number, max: number, share: number): number {
  return Math.max(0, option === undefined ? Math.min(max, lifetimeMs / share) : typeof option == "number" ? option : option(lifetimeMs));
}
