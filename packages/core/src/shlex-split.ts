/**
 * Python's `shlex.split(s)` (POSIX mode, no comments): words split on whitespace, quotes
 * grouping and removed, `\` escaping outside single quotes. Returns undefined where Python raises
 * ValueError (an unclosed quote, a trailing `\`). botocore splits section names with it.
 */
export function shlexSplit(s: string): string[] | undefined {
  // Two words one space apart, nothing quoted or escaped (`profile dev`): two slices of `s` in an
  // array of two. buildProfileMap splits every section name of a file, and at 10,000 profiles the
  // garbage of the loop below (an array grown for 17 words) costs more than the loop.
  if (/^[^\s'"\\]+ [^\s'"\\]+$/.test(s)) {
    const space = s.indexOf(" ");
    return [s.slice(0, space), s.slice(space + 1)];
  }
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < s.length; ) {
    const c = s[i++] as string;
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
    } else if (c === "\\") {
      if (i === s.length) return undefined;
      word = (word ?? "") + s[i++];
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
