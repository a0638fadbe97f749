import { escapeUri } from "@credchain/core";

// A malformed escape ("%zz") is taken literally, as a server that cannot decode it would.
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The query of a URL as decoded names and values, repeated names as arrays, ready for
 * `@smithy/signature-v4` to encode and sort. A `+` is a literal plus (RFC 3986, as AWS reads a
 * query), not a space: write a space as `%20`. Empty `&&` pieces carry nothing and are dropped.
 */
export function parseQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  const text = search.startsWith("?") ? search.slice(1) : search;
  for (const piece of text.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = decode(eq < 0 ? piece : piece.slice(0, eq));
    const value = eq < 0 ? "" : decode(piece.slice(eq + 1));
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/**
 * S3's canonical path: the path as sent, each segment encoded exactly once and nothing
 * normalised (`//` and `.` segments are part of an object key).
 */
export function singleEncodedPath(path: string): string {
  return path
    .split("/")
    .map((segment) => escapeUri(decode(segment)))
    .join("/");
}
