// Both constants before the function: a bundler declares them in one statement.
/**
 * `date (T|t|space) hh:mm[:ss[.fraction]] zone`, the zone `Z`, `UTC` (the AWS CLI's role cache,
 * old SSO caches), `±hh:mm` or `±hhmm`; letters in either case.
 */
const TIMESTAMP = /^(\d{4}-\d\d-(\d\d))[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?:Z|UTC|([+-])(\d\d):?(\d\d))$/i;

/**
 * The end of a message about a timestamp {@link parseTimestamp} refused.
 *
 * @example
 * ```ts
 * `AWS_CREDENTIAL_EXPIRATION ${NOT_A_TIMESTAMP}`;
 * ```
 */
export const NOT_A_TIMESTAMP = "is not an ISO 8601 time with a time zone (such as 2099-01-01T00:00:00Z)";

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
  // Read as UTC in ECMAScript's own form, which `Date` reads with every range checked but one: it
  // rolls a day past the month's end (February 30th is March 2nd, 24:00 the next day) over,
  // refused here by the day. The offset is applied after, its fields checked here. One string
  // parse, not two: each costs a resolution ~2 µs.
  const date = m && new Date(`${m[1]}T${m[3]}Z`);
  const hours = +(m?.[5] ?? 0);
  const minutes = +(m?.[6] ?? 0);
  if (!date || date.getUTCDate() != +m[2]! || hours > 23 || minutes > 59) return undefined;
  return new Date(+date - (m[4] == "-" ? -1 : 1) * (hours * 60 + minutes) * 6e4);
}
