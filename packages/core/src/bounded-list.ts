/**
 * Items for a message, as many as fit in about `chars` characters (at least one, itself cut to
 * fit), then how many more there are: a hostile file or answer cannot make a message huge.
 * `total` counts items the caller did not keep (it may keep only the first few of many).
 *
 * @example
 * ```ts
 * import { boundedList } from "@credchain/core";
 *
 * boundedList([3, 4, 9], 100_000, 10); // "3, 4, 9 and 99,997 more"
 * boundedList(["a", "b"]); // "a, b"
 * ```
 */
export function boundedList(items: readonly unknown[], total = items.length, chars = 200): string {
  let out = "";
  let shown = 0;
  for (const item of items) {
    const text = String(item);
    if (shown && out.length + text.length > chars) break;
    out += (shown++ ? ", " : "") + (text.length > chars ? `${text.slice(0, chars)}…` : text);
  }
  return shown < total ? `${out} and ${(total - shown).toLocaleString("en-US")} more` : out;
}
