import { boundedList } from "./bounded-list.js";
import { CredchainError } from "./errors.js";
import { showName } from "./redact.js";

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

// Python's str.isspace(): JavaScript's \s minus U+FEFF (a BOM is not whitespace to Python) plus
// U+001C..U+001F and U+0085.
function isSpace(c: number): boolean {
  if (c < 33) return c > 0x1b || (c > 8 && c < 14);
  return c > 127 && (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000);
}

/** Where Python's str.splitlines() breaks inside a line of the file (which has no \r or \n). */
const isBreak = (c: number) => (c > 10 && c < 13) || (c > 0x1b && c < 0x1f) || c === 0x85 || c === 0x2028 || c === 0x2029;

// What the parser returns inherits nothing (`"constructor" in section` is false, `__proto__` is a
// plain key) through one shared, frozen prototype that has none: V8 keeps Object.create(null)
// objects as hash tables, these keep fast properties, and a 1,000-profile file parses 3x faster.
const NOTHING: object = /* @__PURE__ */ Object.freeze(/* @__PURE__ */ Object.create(null));
// Made by a constructor, not Object.create: V8 sizes such objects to the keys the first few got,
// so a profile's keys sit in the object itself, not in a second array that grows.
const Section = /* @__PURE__ */ Object.assign(function () {}, { prototype: NOTHING }) as unknown as new () => object;
const record = <T>(): Record<string, T> => new Section() as Record<string, T>;

// Section and key names are shown with showName: names are not values, but a secret pasted on a
// line of its own (`FwoG…==`) reads as a key, and a name can be megabytes long.
/** A key as botocore names it (lower-cased), unless as written it holds what looks like a secret. */
function showKey(written: string): string {
  const shown = showName(written);
  return shown === written ? written.toLowerCase() : shown;
}

/**
 * A sub-section line without `=`, reported once the whole file is read (botocore parses
 * sub-sections last): its line, its value's key as written and lower-cased, and the index of its
 * section in file order.
 */
type SubsectionError = [line: number, written: string, key: string, at: number];

/** {@link parseConfig} asked for the line of a section (or key) of the text. */
type Find = (text: string, options: ParseConfigOptions, findSection: string, findKey?: string) => number;

/**
 * Sections merged into a new one that inherits nothing, as {@link parseConfig}'s sections do, each
 * one's keys over the ones before (Python's `dict.update`): botocore merges a credentials-file
 * section over the config profile of the same name this way. Unlike a merge into
 * `Object.create(null)` (a hash table in V8), the result keeps fast properties.
 *
 * @example
 * ```ts
 * import { parseConfig } from "@credchain/core";
 * import { mergeSections } from "@credchain/core/internal";
 *
 * const config = parseConfig("[profile dev]\nregion = eu-west-1\n", { file: "config" });
 * const credentials = parseConfig("[dev]\naws_access_key_id = AKIDEXAMPLE\n", { file: "credentials" });
 * mergeSections(config["profile dev"], credentials.dev); // { region: "eu-west-1", aws_access_key_id: "AKIDEXAMPLE" }
 * ```
 */
export const mergeSections = (...sections: (ConfigSection | undefined)[]): ConfigSection => Object.assign(record(), ...sections);

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
 * One pass over the text, linear in its length: no regular expression, no array of lines; each
 * name and value is one slice of the text. Nothing returned inherits anything: the sections
 * object has no prototype, and each section and sub-section has an empty frozen one, so
 * `"constructor" in sections.default` is false and `__proto__` is a plain key.
 *
 * @example
 * ```ts
 * import { parseConfig } from "@credchain/core";
 *
 * parseConfig("[profile dev]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n", { file: "~/.aws/config" });
 * // { "profile dev": { region: "eu-west-1", s3: { addressing_style: "path" } } }
 * ```
 */
export function parseConfig(text: string, options: ParseConfigOptions): ParsedConfig;
// The pass itself. Given `findSection` (and `findKey`) it returns the number of the line that
// first defines that section (or key) instead: a duplicate's message names that line without the
// pass keeping every key's line on the way (called so only from here, through `Find`).
export function parseConfig(text: string, options: ParseConfigOptions, findSection?: string, findKey?: string): ParsedConfig | number {
  const { file } = options;
  const fail = (line: number | string, what: string, key?: string): CredchainError =>
    new CredchainError({
      code: "ConfigParse",
      message: `Unable to parse config file ${file}: ${typeof line === "number" ? `line ${line}` : line}: ${what}`,
      file,
      key,
    });
  const end = text.length;
  const sections: ParsedConfig = Object.create(null);
  // Section names in file order (an object lists integer-like names first): which error is first.
  const names: string[] = [];
  const defaults = record<string | ConfigSubsection>();
  let section: ConfigSection | undefined;
  let name = "";
  // The current key lower-cased ("" after a delimiter with no key; none after a header), and as written.
  let key: string | undefined;
  let written = "";
  let indentLevel = 0;
  // The current value: blank lines not added yet, whether it was empty on its key's line (so a
  // sub-section), the sub-section's object, and whether one of its lines failed already.
  let blanks = 0;
  let nested = false;
  let sub: ConfigSubsection | undefined;
  let subFailed = false;
  let subError: SubsectionError | undefined;
  const defaultErrors: SubsectionError[] = [];
  // The first few bad lines and how many there are: a message names a few, not 100,000.
  const badLines: number[] = [];
  let badCount = 0;
  let lineno = 0;
  // Sections mostly repeat their keys in the same order: the previous section's key at each
  // position, as written and lower-cased, reused when it is the same text (no string to make,
  // lower-case and look up again: toLowerCase copies even a lower-case key).
  const recentKeys: string[] = [];
  const recentLower: string[] = [];
  let keyIndex = 0;
  // The next \n, \r, `=` and `:` at or after the line being read (the text's length where there
  // is none): found with indexOf, each cursor only moving forward, so the pass is linear whatever
  // the lines hold.
  const seek = (char: string, from: number) => {
    const at = text.indexOf(char, from);
    return at < 0 ? end : at;
  };
  let lf = -1;
  let cr = -1;
  let eq = -1;
  let colon = -1;
  // U+FFFD is what invalid UTF-8 decodes to: Python's UnicodeDecodeError, on the line that holds it.
  const invalid = seek("\ufffd", 0);
  // Past the spaces from `i` forward (up to `limit`), or back from `i` (down to `limit`).
  const skip = (i: number, limit: number) => {
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  const back = (i: number, limit: number) => {
    while (i > limit && isSpace(text.charCodeAt(i - 1))) i--;
    return i;
  };

  for (let next = 0; next < end; ) {
    lineno++;
    // The line is [start, stop), ended by \n, \r\n or \r (Python's universal newlines).
    const start = next;
    if (lf < start) lf = seek("\n", start);
    if (cr < start) cr = seek("\r", start);
    const stop = lf < cr ? lf : cr;
    next = stop + (stop === cr && cr + 1 === lf ? 2 : 1);
    if (invalid < stop) throw fail(lineno, "the file is not valid UTF-8 (botocore reads config files as UTF-8)");
    // The line stripped is [from, to).
    const from = skip(start, stop);
    const to = back(stop, from);
    const first = text.charCodeAt(from);
    if (from === to || first === 35 /* # */ || first === 59 /* ; */) {
      // A blank line inside a value is kept (empty_lines_in_values); a comment line is dropped.
      if (from === to && key) blanks++;
      continue;
    }
    if (key && from - start > indentLevel) {
      // A continuation line.
      if (nested) {
        if (!sub) (section as ConfigSection)[key] = sub = record();
        // botocore's _parse_nested: each str.splitlines() line split at its first `=`, both sides stripped.
        for (let p = from; p < to; ) {
          let q = p;
          let equals = -1;
          for (let c; q < to && !isBreak((c = text.charCodeAt(q))); q++) if (equals < 0 && c === 61 /* = */) equals = q;
          const l = skip(p, q);
          const r = back(q, l);
          if (equals >= 0) {
            sub[text.slice(l, back(equals, l))] = text.slice(skip(equals + 1, r), r);
          } else if (l < r && !subFailed) {
            subFailed = true;
            const error: SubsectionError = [lineno, written, key, names.length - 1];
            if (section === defaults) defaultErrors.push(error);
            else subError ??= error;
          }
          p = q + 1;
        }
      } else {
        (section as ConfigSection)[key] += "\n".repeat(blanks + 1) + text.slice(from, to);
      }
      blanks = 0;
      continue;
    }
    indentLevel = from - start;
    if (first === 91 /* [ */) {
      // configparser's SECTCRE `\[(?P<header>.+)\]`: up to the last `]`, at least one character inside.
      let close = to - 1;
      while (close > from + 1 && text.charCodeAt(close) !== 93 /* ] */) close--;
      if (close > from + 1) {
        name = text.slice(from + 1, close);
        key = undefined;
        keyIndex = 0;
        if (findSection === name && findKey === key) return lineno;
        if (name === "DEFAULT") {
          section = defaults;
        } else if (name in sections) {
          throw fail(lineno, `section [${showName(name)}] appears twice (first on line ${(parseConfig as unknown as Find)(text, options, name)}); botocore rejects duplicate sections`);
        } else {
          section = sections[name] = record();
          names.push(name);
        }
        continue;
      }
    }
    if (!section) {
      throw fail(
        lineno,
        lineno === 1 && text.charCodeAt(0) === 0xfeff
          ? "the file starts with a UTF-8 byte order mark (BOM), which botocore cannot read either; save the file as UTF-8 without a BOM"
          : "a key or other text comes before the first [section] header",
      );
    }
    // configparser's OPTCRE: the key before the first `=` or `:`. A line with neither is bad, and
    // so is an empty key (kept all the same, as configparser does).
    if (eq < from) eq = seek("=", from);
    if (colon < from) colon = seek(":", from);
    const delimiter = eq < colon ? eq : colon;
    const k = delimiter < to ? back(delimiter, from) : from;
    if (k === from && badCount++ < 64) badLines.push(lineno);
    if (delimiter >= to) continue;
    const known = recentKeys[keyIndex];
    if (!(known?.length === k - from && text.startsWith(known, from))) recentLower[keyIndex] = (recentKeys[keyIndex] = text.slice(from, k)).toLowerCase();
    written = recentKeys[keyIndex] as string;
    key = recentLower[keyIndex++] as string;
    if (findSection === name && findKey === key) return lineno;
    if (key in section) {
      const shown = showKey(written);
      throw fail(lineno, `key "${shown}" appears twice in section [${showName(name)}] (first on line ${(parseConfig as unknown as Find)(text, options, name, key)}); botocore rejects duplicate keys`, shown);
    }
    const v = skip(delimiter + 1, to);
    section[key] = text.slice(v, to);
    nested = v === to && options.subsections !== false;
    sub = undefined;
    subFailed = false;
    blanks = 0;
  }
  if (badCount > 0) {
    throw fail(`line${badCount > 1 ? "s" : ""} ${boundedList(badLines, badCount)}`, 'expected "key = value", a [section] header or a # comment');
  }
  if (subError || Object.keys(defaults).length) {
    // As botocore reads them: each section's own keys, then the [DEFAULT] keys it lacks.
    names.forEach((name, i) => {
      const own = sections[name] as ConfigSection;
      const failed = subError?.[3] === i ? subError : defaultErrors.find((e) => !(e[2] in own));
      if (failed) {
        const shown = showKey(failed[1]);
        throw fail(failed[0], `a line of the sub-section "${shown}" in section [${showName(name)}] has no "="`, shown);
      }
      for (const d in defaults) {
        const value = defaults[d] as string | ConfigSubsection;
        if (!(d in own)) own[d] = typeof value === "string" ? value : Object.assign(record<string>(), value);
      }
    });
  }
  return sections;
}
