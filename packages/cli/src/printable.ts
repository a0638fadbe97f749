/**
 * Text for a terminal that quotes what someone typed or configured (an option, a profile name):
 * control characters other than newline and tab are shown escaped (ESC as the four characters
 * \x1b), never sent to the terminal, where they could rewrite the screen; past `max` characters
 * it is cut.
 *
 * @example
 * ```ts
 * printable("a\u001b[2Jb"); // the text a\x1b[2Jb
 * ```
 */
export function printable(text: string, max = 4000): string {
  const escaped = text.replace(/[\0-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped;
}
