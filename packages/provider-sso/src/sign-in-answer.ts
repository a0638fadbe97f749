import { signInFailure } from "./sign-in-error.js";

/** The largest time a JavaScript Date holds: 8.64e15 ms after the epoch (year 275760). */
const MAX_DATE_MS = 8.64e15;

/**
 * `now + seconds`, in ms, from a number SSO-OIDC answered (`expiresIn`, `clientSecretExpiresAt`
 * with `now` 0). A negative, non-finite or out-of-range number is a `TokenRetrieval` error naming
 * the field, where botocore would fail deep inside `datetime` with an OverflowError.
 */
export function answeredTime(where: string, field: string, seconds: number, now: number): number {
  const ms = now + seconds * 1000;
  if (!(seconds >= 0) || !(ms <= MAX_DATE_MS)) throw signInFailure(`${where} answered ${field} = ${seconds}, which is not a time (seconds >= 0, before the year 275760)`);
  return ms;
}

/**
 * Checks what the user is shown (and a browser is opened with): a verification URL must be an
 * http(s) URL, and no value may hold a control character or a space, which in a terminal could
 * rewrite what is on the screen. A `TokenRetrieval` error names the field; the value is not quoted.
 */
export function shownValue(where: string, field: string, value: string, url: boolean): string {
  let bad = /[\0-\x20\x7f-\x9f]/.test(value) || value.length > 2048;
  if (!bad && url) {
    try {
      bad = !["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      bad = true;
    }
  }
  if (bad) throw signInFailure(`${where} answered a ${field} that cannot be shown${url ? " or opened (not an http(s) URL, or with control characters or spaces)" : " (control characters or spaces)"}`);
  return value;
}
