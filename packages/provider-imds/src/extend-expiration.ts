/** botocore's `ec2_credential_refresh_window` as create_credential_resolver passes it (the 15-minute advisory window). */
export const DEFAULT_IMDS_REFRESH_WINDOW_MS = 15 * 60 * 1000;
/** The jitter added to the window, botocore's `random.randint(120, 600)` seconds. */
export const IMDS_EXTENSION_JITTER_SECONDS = [120, 600] as const;

/**
 * botocore's `_evaluate_expiration` (static stability): with an offset of the refresh window
 * plus 120–600 s of jitter (`random`: a number in [0, 1), as Math.random), credentials that
 * expire within the offset (or already have) get a new expiration of now + offset, so a caller
 * refreshing inside its windows does not hammer an IMDS that keeps handing out the same (or
 * expired) credentials. Undefined when no extension is due. Positional parameters: its one
 * caller passes four values, and an options object cost the Lambda bundle ~60 B.
 *
 * @example
 * ```ts
 * const now = Date.now();
 * extendExpiration(new Date(now - 60_000), now, 900_000, Math.random);
 * // a Date 17 to 25 minutes from now
 * ```
 */
export function extendExpiration(expiration: Date, now: number, refreshWindowMs: number, random: () => number): Date | undefined {
  const offsetMs = refreshWindowMs + (120 + Math.floor(random() * 481)) * 1000;
  // botocore writes the new time with strftime, to the whole second.
  if (now >= +expiration - offsetMs) return new Date(Math.floor((now + offsetMs) / 1000) * 1000);
}
