import { escapeUri } from "@credchain/core/http";
import { invalidInput } from "./errors.js";

const MALFORMED = /%(?![0-9A-Fa-f]{2})/;

/**
 * One percent-encoded component, decoded. SigV4 canonicalises decoded text, so an escape that
 * spells no text (`%zz`, a bare `%`, `%FF` alone) cannot be signed the way a server decodes it:
 * refused, naming where it is (`what`, built only then) and never the value.
 */
function decode(value: string, key: string, what: () => string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    const at = value.search(MALFORMED);
    const detail =
      at >= 0
        ? `a "%" not followed by two hex digits at index ${at} (write a literal % as %25)`
        : "percent-escapes that are not UTF-8 (e.g. %FF alone); SigV4 signs decoded UTF-8 text";
    throw invalidInput(`cannot sign the request: ${what()} has ${detail}`, key);
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
    const name = decode(eq < 0 ? piece : piece.slice(0, eq), "search", () => "a query parameter name");
    const value = eq < 0 ? "" : decode(piece.slice(eq + 1), "search", () => `the value of query parameter ${JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name)}`);
    const seen = query[name];
    // Pushed, not spread: a name repeated n times must not cost n² copies.
    if (Array.isArray(seen)) seen.push(value);
    else query[name] = seen === undefined ? value : [seen, value];
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
    .map((segment) => escapeUri(decode(segment, "path", () => "a path segment")))
    .join("/");
}
