/**
 * `date (T|t|space) hh:mm[:ss[.fraction]] zone`, the zone `Z`, `UTC` (the AWS CLI's role cache,
 * old SSO caches), `±hh:mm` or `±hhmm`; letters in either case.
 */
const TIMESTAMP = /^(\d{4}-\d\d-(\d\d))[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:Z|UTC|([+-]\d\d):?(\d\d))$/i;

/**
 * The one reader of every timestamp credchain gets from outside (`Expiration`, `expiresAt`,
 * `registrationExpiresAt`, `AWS_CREDENTIAL_EXPIRATION`, cache entries): ISO 8601 / RFC 3339 with
 * a zone, as every real source writes it (IMDS, container endpoints, STS, credential_process
 * helpers, the AWS CLI's caches), surrounding whitespace ignored. Returns undefined for anything
 * else, so the caller can name the setting at fault: a time without a zone (botocore fails on it
 * comparing naive and aware datetimes; never read as the machine's local time), a field out of
 * range, a bare number (`"1"`, which `new Date` reads as 2001), other date formats.
 *
 * @example
 * ```ts
 * parseTimestamp("2099-06-01T12:00:00+02:00")?.toISOString(); // "2099-06-01T10:00:00.000Z"
 * parseTimestamp("2099-01-01T00:00:00UTC")?.toISOString(); // "2099-01-01T00:00:00.000Z"
 * parseTimestamp("2099-01-01T00:00:00"); // undefined: no zone
 * ```
 */
export function parseTimestamp(value: string): Date | undefined {
  const m = TIMESTAMP.exec(value.trim());
  // Rewritten in ECMAScript's own form, which `Date` reads with every range checked, but two:
  // it rolls a day past the month's end over (February 30th is March 2nd) and reads 24:00 as
  // the next day. Those two are refused here.
  const date = m && new Date(m[1]!).getUTCDate() == +m[2]! && m[3]! < "24" && new Date(`${m[1]}T${m[3]}${m[4] ? `${m[4]}:${m[5]}` : "Z"}`);
  return date && date <= date ? date : undefined;
}

/**
 * The end of a message about a timestamp {@link parseTimestamp} refused.
 *
 * @example
 * ```ts
 * `AWS_CREDENTIAL_EXPIRATION ${NOT_A_TIMESTAMP}`;
 * ```
 */
export const NOT_A_TIMESTAMP = "is not an ISO 8601 time with a time zone (such as 2099-01-01T00:00:00Z)";
