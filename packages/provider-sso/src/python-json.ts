/** A JSON value as Python's json module writes it. */
export type PythonJsonValue = string | number | boolean | null | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue | undefined };

const ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

function pythonString(s: string): string {
  // ensure_ascii: everything outside " "…"~" becomes \uXXXX (lower-case hex, surrogates one by one).
  return `"${s.replace(/["\\]|[^ -~]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}"`;
}

/**
 * `json.dumps(value, sort_keys=…)` byte for byte: `", "` and `": "` separators, non-ASCII escaped.
 * The AWS CLI names its SSO client-registration cache by the SHA-1 of such a text and writes its
 * caches this way; undefined members are left out.
 *
 * @example
 * ```ts
 * pythonJsonDumps({ b: 1, a: ["x", null] }, { sortKeys: true }); // '{"a": ["x", null], "b": 1}'
 * ```
 */
export function pythonJsonDumps(value: PythonJsonValue, options: { sortKeys?: boolean } = {}): string {
  if (value === null) return "null";
  if (typeof value === "string") return pythonString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => pythonJsonDumps(v, options)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, PythonJsonValue | undefined>).filter((e): e is [string, PythonJsonValue] => e[1] !== undefined);
  if (options.sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${pythonString(k)}: ${pythonJsonDumps(v, options)}`).join(", ")}}`;
}
