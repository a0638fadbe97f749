/**
 * Python's `shlex.split(s)` (POSIX mode, no comments): words split on whitespace, quotes
 * grouping and removed, `\` escaping outside single quotes. Returns undefined where Python raises
 * ValueError (an unclosed quote, a trailing `\`). botocore splits section names with it.
 */
export function shlexSplit(s: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < s.length; ) {
    let c = s[i++] as string;
    if (" \t\r\n".includes(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      word ??= "";
      for (let q; (q = s[i++]) !== c; ) {
        if (q === undefined) return undefined;
        // Inside double quotes a backslash escapes only `"` and `\`.
        if (c === '"' && q === "\\") {
          const next = s[i++];
          if (next === undefined) return undefined;
          word += next === '"' || next === "\\" ? next : q + next;
        } else {
          word += q;
        }
      }
    } else {
      // A backslash takes the next character as it is.
      if (c === "\\") {
        if (i === s.length) return undefined;
        c = s[i++] as string;
      }
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
