/**
 * RFC 3986 encoding, as SigV4 requires: everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded
 * (encodeURIComponent leaves `!'()*` alone; SigV4 does not).
 *
 * @example
 * ```ts
 * escapeUri("it's a (test)*"); // "it%27s%20a%20%28test%29%2A"
 * ```
 */
export function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
