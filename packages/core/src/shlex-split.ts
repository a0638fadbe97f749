const WHITESPACE = " \t\r\n";
const QUOTES = `'"`;

/**
 * Python's `shlex.split(s)` (POSIX mode, no comments): words split on whitespace, quotes
 * grouping and removed, `\` escaping outside single quotes. Returns undefined where Python raises
 * ValueError (an unclosed quote, a trailing `\`). botocore splits section names with it.
 */
export function shlexSplit(s: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (WHITESPACE.includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      i++;
    } else if (c === "\\") {
      if (i + 1 >= s.length) return undefined;
      word = (word ?? "") + s[i + 1];
      i += 2;
    } else if (QUOTES.includes(c)) {
      word ??= "";
      i++;
      for (;;) {
        if (i >= s.length) return undefined;
        const q = s[i] as string;
        if (q === c) {
          i++;
          break;
        }
        // Inside double quotes a backslash escapes only `"` and `\`.
        if (c === '"' && q === "\\") {
          if (i + 1 >= s.length) return undefined;
          const next = s[i + 1] as string;
          word += next === '"' || next === "\\" ? next : q + next;
          i += 2;
        } else {
          word += q;
          i++;
        }
      }
    } else {
      word = (word ?? "") + c;
      i++;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
