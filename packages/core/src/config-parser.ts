import { boundedList } from "./bounded-list.js";
import { CredchainError } from "./errors.js";
import { quoteUntrusted } from "./redact.js";

/** A sub-section (`s3 =` followed by indented `key = value` lines), keys as written. */
export type ConfigSubsection = Record<string, string>;
/** One section's keys (lower-cased) and values. */
export type ConfigSection = Record<string, string | ConfigSubsection>;
/** Every section of a file by its name as written (case-sensitive). */
export type ParsedConfig = Record<string, ConfigSection>;

export interface ParseConfigOptions {
  /** The file the text came from: named in every ConfigParse error. */
  file: string;
  /**
   * Parse a value that starts on the next line (`s3 =` then indented `key = value` lines) into
   * an object, as botocore's `raw_config_parse(parse_subsections=True)`. Default: true.
   */
  subsections?: boolean;
}

// configparser's SECTCRE, matched against the stripped line.
const SECTION = /^\[(.+)\]/s;
// Line boundaries of a file opened in text mode (universal newlines), and of str.splitlines().
const FILE_LINES = /\r\n|\r|\n/;
const SPLITLINES = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

// Python's str.isspace(): JavaScript's \s minus U+FEFF (a BOM is not whitespace to Python) plus
// U+001C..U+001F and U+0085. Char codes, not a regex: a 1,000-profile config strips ~10,000 lines.
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Index of the first character that is not a space, or the length. */
function firstNonSpace(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function rstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

const strip = (s: string) => rstrip(s.slice(firstNonSpace(s)));

/**
 * configparser's OPTCRE (`(.*?)\s*(=|:)\s*(.*)$`) on a stripped line: the key before the first
 * `=` or `:`, the value after it; undefined when the line has neither.
 */
function splitOption(line: string): [key: string, value: string] | undefined {
  const eq = line.indexOf("=");
  const colon = line.indexOf(":");
  const at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
  if (at < 0) return undefined;
  return [rstrip(line.slice(0, at)), line.slice(firstNonSpace(line, at + 1))];
}

/**
 * A section or key name as a message shows it: redacted and short. Names are not values, but a
 * secret pasted on a line of its own (`FwoG…==`) reads as a key, and a name can be megabytes long.
 */
const showName = (text: string) => quoteUntrusted(text, { max: 100 });
/** A key as botocore names it (lower-cased), unless as written it holds what looks like a secret. */
function showKey(written: string): string {
  const shown = showName(written);
  return shown === written ? written.toLowerCase() : shown;
}

/** One line of a value, with the file line it came from (for sub-section errors). */
interface Piece {
  text: string;
  line: number;
  /** On a value's first line: its key as written, for messages (lower-cased, a pasted token looks like no token). */
  key?: string;
}
type RawSection = Map<string, Piece[]>;

/**
 * Parses the text of an AWS config or credentials file exactly as botocore does
 * (`configloader.raw_config_parse`: Python 3.11 `configparser.RawConfigParser()`, then
 * sub-sections).
 *
 * - Delimiters `=` and `:` (the first one on the line); keys are stripped and lower-cased,
 *   values stripped; section names are kept as written (case-sensitive).
 * - Only whole-line comments (`#` or `;` as the first non-blank character); `key = v # note`
 *   keeps ` # note` in the value, quotes are kept too.
 * - A line indented deeper than its key continues the value (joined with `\n`, blank lines
 *   kept inside); with `subsections`, a value that starts on the next line becomes an object of
 *   its `key = value` lines (keys as written, not lower-cased).
 * - `[DEFAULT]` is not a section: its keys are inherited by every section that lacks them.
 * - Duplicate sections or keys, a key before any section, a line that is neither a section,
 *   a `key = value` nor a comment, and a sub-section line without `=` throw a `CredchainError`
 *   with code `ConfigParse` naming the file and line, never the text of the line (it may hold a
 *   secret). A file starting with a UTF-8 byte order mark fails as it does in botocore (Python's
 *   default decoding keeps the BOM), with a message that says so. U+FFFD, what invalid UTF-8
 *   decodes to, fails as Python's UnicodeDecodeError does.
 *
 * Sections and their objects have no prototype, so `"constructor" in sections` is false.
 *
 * @example
 * ```ts
 * import { parseConfig } from "@credchain/core";
 *
 * parseConfig("[profile dev]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n", { file: "~/.aws/config" });
 * // { "profile dev": { region: "eu-west-1", s3: { addressing_style: "path" } } }
 * ```
 */
export function parseConfig(text: string, options: ParseConfigOptions): ParsedConfig {
  const { file } = options;
  const fail = (line: number, what: string, key?: string): CredchainError =>
    new CredchainError({
      code: "ConfigParse",
      message: `Unable to parse config file ${file}: line ${line}: ${what}`,
      file,
      key,
    });

  const lines = text.split(FILE_LINES);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const replacement = text.indexOf("\ufffd");

  const sections = new Map<string, RawSection>();
  const defaults: RawSection = new Map();
  const sectionLine = new Map<string, number>();
  // Per section name (a second [DEFAULT] header adds to the first), each key's first line.
  const keyLine = new Map<string, Map<string, number>>();
  // The first few bad lines and how many there are: a message names a few, not 100,000.
  const badLines: number[] = [];
  let badCount = 0;
  let current: RawSection | undefined;
  let sectionName: string | undefined;
  let key: string | undefined;
  let indentLevel = 0;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineno = i + 1;
    if (replacement >= 0 && raw.includes("\ufffd")) {
      throw fail(lineno, "the file is not valid UTF-8 (botocore reads config files as UTF-8)");
    }
    const indent = firstNonSpace(raw);
    const stripped = rstrip(indent === 0 ? raw : raw.slice(indent));
    const isComment = stripped.startsWith("#") || stripped.startsWith(";");
    const value = isComment ? "" : stripped;
    if (!value) {
      // A blank line inside a value is kept (empty_lines_in_values); a comment line is dropped.
      if (!isComment && current && key) current.get(key)?.push({ text: "", line: lineno });
      continue;
    }
    if (current && key && indent > indentLevel) {
      current.get(key)?.push({ text: value, line: lineno });
      continue;
    }
    indentLevel = indent;
    const header = value.charCodeAt(0) === 91 /* [ */ ? SECTION.exec(value) : null;
    if (header) {
      const section = header[1] as string;
      const first = sectionLine.get(section);
      if (first !== undefined) {
        throw fail(lineno, `section [${showName(header[1] as string)}] appears twice (first on line ${first}); botocore rejects duplicate sections`);
      }
      if (section === "DEFAULT") {
        current = defaults;
      } else {
        current = new Map();
        sections.set(section, current);
        sectionLine.set(section, lineno);
      }
      sectionName = section;
      key = undefined;
      continue;
    }
    if (!current) {
      if (lineno === 1 && raw.startsWith("\ufeff")) {
        throw fail(
          lineno,
          "the file starts with a UTF-8 byte order mark (BOM), which botocore cannot read either; save the file as UTF-8 without a BOM",
        );
      }
      throw fail(lineno, "a key or other text comes before the first [section] header");
    }
    const option = splitOption(value);
    if (!option || !option[0]) {
      if (badCount++ < 64) badLines.push(lineno);
      if (!option) continue;
    }
    key = option[0].toLowerCase();
    let seen = keyLine.get(sectionName as string);
    if (!seen) keyLine.set(sectionName as string, (seen = new Map()));
    const first = seen.get(key);
    if (first !== undefined) {
      const shown = showKey(option[0]);
      throw fail(lineno, `key "${shown}" appears twice in section [${showName(sectionName!)}] (first on line ${first}); botocore rejects duplicate keys`, shown);
    }
    seen.set(key, lineno);
    current.set(key, [{ text: option[1], line: lineno, key: option[0] }]);
  }
  if (badCount > 0) {
    const where = `line${badCount > 1 ? "s" : ""} ${boundedList(badLines, badCount)}`;
    throw new CredchainError({
      code: "ConfigParse",
      message: `Unable to parse config file ${file}: ${where}: expected "key = value", a [section] header or a # comment`,
      file,
    });
  }

  const subsections = options.subsections ?? true;
  const out: ParsedConfig = Object.create(null);
  for (const [name, own] of sections) {
    const section: ConfigSection = Object.create(null);
    // configparser's options(): the section's keys, then inherited [DEFAULT] keys.
    const keys = defaults.size === 0 ? own : [...own, ...[...defaults].filter(([d]) => !own.has(d))];
    for (const [k, pieces] of keys) {
      // One piece is a stripped line already; continuation lines are joined as configparser does.
      const joined = pieces.length === 1 ? (pieces[0] as Piece).text : rstrip(pieces.map((p) => p.text).join("\n"));
      section[k] = subsections && joined.startsWith("\n") ? parseSubsection(pieces, name, k, fail) : joined;
    }
    out[name] = section;
  }
  return out;
}

/** botocore's `_parse_nested`: each non-blank line split at its first `=`, both sides stripped. */
function parseSubsection(
  pieces: Piece[],
  section: string,
  key: string,
  fail: (line: number, what: string, key?: string) => CredchainError,
): ConfigSubsection {
  const out: ConfigSubsection = Object.create(null);
  for (const piece of pieces) {
    for (const part of SPLITLINES.test(piece.text) ? piece.text.split(SPLITLINES) : [piece.text]) {
      const line = strip(part);
      if (!line) continue;
      const eq = line.indexOf("=");
      if (eq < 0) {
        const shown = showKey(pieces[0]?.key ?? key);
        throw fail(piece.line, `a line of the sub-section "${shown}" in section [${showName(section)}] has no "="`, shown);
      }
      out[strip(line.slice(0, eq))] = strip(line.slice(eq + 1));
    }
  }
  return out;
}
