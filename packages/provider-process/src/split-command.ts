import { shlexSplit } from "@credchain/core/internal";

/**
 * botocore's `_windows_shell_split`: the C runtime's rules — only space and tab separate, only
 * `"` quotes, and backslashes are literal unless a run of them leads up to a `"`. Returns
 * undefined where botocore raises ValueError (an unclosed quote).
 *
 * @example
 * ```ts
 * windowsShellSplit('"C:\\Program Files\\creds.exe" --profile dev');
 * // ["C:\\Program Files\\creds.exe", "--profile", "dev"]
 * ```
 */
export function windowsShellSplit(s: string): string[] | undefined {
  const words: string[] = [];
  // botocore appends "" on every quote so that `""` gives an empty word: `touched` plays that part.
  let word = "";
  let touched = false;
  let quoted = false;
  let backslashes = 0;
  const flushBackslashes = () => {
    word += "\\".repeat(backslashes);
    if (backslashes > 0) touched = true;
    backslashes = 0;
  };
  for (const c of s) {
    if (c === "\\") {
      backslashes++;
    } else if (c === '"') {
      if (backslashes > 0) {
        word += "\\".repeat(Math.floor(backslashes / 2));
        touched = true;
        const odd = backslashes % 2 === 1;
        backslashes = 0;
        if (odd) {
          word += '"';
          continue;
        }
      }
      quoted = !quoted;
      touched = true;
    } else if ((c === " " || c === "\t") && !quoted) {
      flushBackslashes();
      if (touched) words.push(word);
      word = "";
      touched = false;
    } else {
      flushBackslashes();
      word += c;
      touched = true;
    }
  }
  if (quoted) return undefined;
  flushBackslashes();
  if (touched) words.push(word);
  return words;
}

/**
 * botocore's `compat_shell_split`: `shlex.split` (POSIX rules) everywhere but Windows, where it
 * is {@link windowsShellSplit}. Returns undefined where botocore raises ValueError.
 *
 * @example
 * ```ts
 * splitCommand(`node "/opt/my creds/get.js" --profile 'dev'`, "linux");
 * // ["node", "/opt/my creds/get.js", "--profile", "dev"]
 * ```
 */
export function splitCommand(command: string, platform: NodeJS.Platform = process.platform): string[] | undefined {
  return platform === "win32" ? windowsShellSplit(command) : shlexSplit(command);
}
