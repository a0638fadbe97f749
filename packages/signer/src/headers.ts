/** Header collections the signer accepts: a `Headers`, `[name, value]` pairs, or a plain record. */
export type HeadersLike =
  | Headers
  | Iterable<readonly [string, string]>
  | Record<string, string | number | readonly string[] | null | undefined>;

/**
 * Headers as one lower-cased record. Repeated names (pairs or arrays) are joined with ",", which
 * is how SigV4 canonicalises a header sent on several lines; a `Headers` object has already
 * joined them with ", ", which is what it sends on one line.
 */
export function headerRecord(headers: HeadersLike | undefined): Record<string, string> {
  // No prototype: a header named "constructor" or "__proto__" is a header like any other, not
  // Object.prototype's (`key in out` saw "constructor" already there and signed its source text).
  const out: Record<string, string> = Object.create(null);
  if (headers == null) return out;
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    out[key] = key in out ? `${out[key]},${value}` : value;
  };
  if (Symbol.iterator in headers) {
    for (const [name, value] of headers as Iterable<readonly [string, string]>) add(name, String(value));
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value == null) continue;
    if (Array.isArray(value)) for (const v of value) add(name, String(v));
    else add(name, String(value));
  }
  return out;
}

/** Undici's dispatch headers: a record, a flat `[name, value, name, value]` array, or pairs. */
export function undiciHeaderRecord(headers: unknown): Record<string, string> {
  if (headers == null) return {};
  if (Array.isArray(headers) && (headers.length === 0 || !Array.isArray(headers[0]))) {
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
    return headerRecord(pairs);
  }
  return headerRecord(headers as HeadersLike);
}
