/** Python's `int(str)`: blanks around, an optional sign, ASCII digits with single `_` between them. */
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * A config or env string read as Python's `int()` reads it (botocore converts
 * `metadata_service_timeout`, `duration_seconds`, `max_attempts` so), or undefined where
 * `int()` would raise ValueError (`"1.5"`, `"two"`, `""`). Callers decide what a ValueError means:
 * botocore ignores a bad `duration_seconds` and fails on a bad `metadata_service_timeout`.
 *
 * @example
 * ```ts
 * import { pythonInt } from "@credchain/core";
 *
 * pythonInt(" +1_800 "); // 1800
 * pythonInt("1.5"); // undefined
 * ```
 */
export function pythonInt(text: string): number | undefined {
  return PY_INT.test(text) ? Number(text.trim().replaceAll("_", "")) : undefined;
}
