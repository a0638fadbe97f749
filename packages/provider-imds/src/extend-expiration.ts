/** botocore's `ec2_credential_refresh_window` as create_credential_resolver passes it (the 15-minute advisory window). */
export const DEFAULT_IMDS_REFRESH_WINDOW_MS = 15 * 60 * 1000;
/** The jitter added to the window, botocore's `random.randint(120, 600)` seconds. */
export const IMDS_EXTENSION_JITTER_SECONDS = [120, 600] as const;

export interface ExtensionInput {
  expiration: Date;
  now: number;
  refreshWindowMs: number;
  /** A number in [0, 1), as Math.random. */
  random: () => number;
}

/**
 * botocore's `_evaluate_expiration` (static stability): with an offset of the refresh window
 * plus 120–600 s of jitter, credentials that expire within the offset (or already have) get a
 * new expiration of now + offset, so a caller refreshing inside its windows does not hammer an
 * IMDS that keeps handing out the same (or expired) credentials. Undefined when no extension is
 * due.
 *
 * @example
 * ```ts
 * const now = Date.now();
 * extendExpiration({ expiration: new Date(now - 60_000), now, refreshWindowMs: 900_000, random: Math.random });
 * // a Date 17 to 25 minutes from now
 * ```
 */
export function extendExpiration(input: ExtensionInput): Date | undefined {
  const [low, high] = IMDS_EXTENSION_JITTER_SECONDS;
  const jitterSeconds = low + Math.floor(input.random() * (high - low + 1));
  const offsetMs = input.refreshWindowMs + jitterSeconds * 1000;
  if (input.now < input.expiration.getTime() - offsetMs) return undefined;
  // botocore writes the new time with strftime, to the whole second.
  return new Date(Math.floor((input.now + offsetMs) / 1000) * 1000);
}
