/** The STS Query API version every request names. */
export const STS_API_VERSION = "2011-06-15";

/** A value the Query protocol flattens: lists become `Name.member.N`, structures `Name.Field`. */
export type QueryValue = string | number | boolean | undefined | QueryValue[] | { [field: string]: QueryValue };

function flatten(prefix: string, value: QueryValue, out: [string, string][]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    // An empty list is sent as `Name=` so the service sees it was given, as botocore does.
    if (value.length === 0) out.push([prefix, ""]);
    value.forEach((item, i) => flatten(`${prefix}.member.${i + 1}`, item, out));
  } else if (typeof value === "object") {
    for (const [field, v] of Object.entries(value)) flatten(`${prefix}.${field}`, v, out);
  } else {
    out.push([prefix, String(value)]);
  }
}

/** RFC 3986 encoding, as SigV4 and the Query protocol expect (`~` kept, `!'()*` escaped). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The form body of a Query API call: `Action=…&Version=2011-06-15&…`.
 *
 * @example
 * ```ts
 * encodeQuery("AssumeRole", { RoleArn: "arn:aws:iam::123456789012:role/r", PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }] });
 * // "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws…&PolicyArns.member.1.arn=arn%3Aaws…"
 * ```
 */
export function encodeQuery(action: string, params: Record<string, QueryValue>): string {
  const pairs: [string, string][] = [
    ["Action", action],
    ["Version", STS_API_VERSION],
  ];
  for (const [name, value] of Object.entries(params)) flatten(name, value, pairs);
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&");
}
