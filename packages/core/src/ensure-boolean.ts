/**
 * botocore's `ensure_boolean`: a boolean as it is, a string that is `true` in any case, and
 * anything else (`"1"`, `"yes"`, `""`, undefined) false.
 *
 * @example
 * ```ts
 * import { ensureBoolean } from "@credchain/core";
 *
 * ensureBoolean("TRUE"); // true
 * ensureBoolean("yes"); // false
 * ```
 */
export function ensureBoolean(value: unknown): boolean {
  return typeof value == "boolean" ? value : typeof value == "string" && value.toLowerCase() == "true";
}
