// Python's str.isspace() set: JavaScript's \s minus U+FEFF (a BOM is not whitespace to Python)
// plus U+001C..U+001F and U+0085. Matters for strip(): `trim()` would eat a BOM.
const WS = "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const EDGES = new RegExp(`^[${WS}]+|[${WS}]+$`, "g");
// A file read in text mode (universal newlines), then str.splitlines(): these all end a line.
const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Python's `str.strip()` with no arguments. */
export function pyStrip(text: string): string {
  return text.replace(EDGES, "");
}

/** Python's `open(path).read().splitlines()` on already-decoded text (a trailing break adds no line). */
export function pySplitlines(text: string): string[] {
  const lines = text.split(LINE_BREAKS);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
