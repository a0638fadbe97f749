import { CredchainError } from "@credchain/core/local";
import { shlexSplit } from "@credchain/core/internal";

/** Which file a profile lives in decides its section header: `[profile dev]` or `[dev]`. */
export type ProfileFileKind = "config" | "credentials";

/**
 * A section of a config or credentials file, as botocore files it: a profile (`[profile NAME]` or
 * `[default]` in the config file, `[NAME]` in the credentials file), an `[sso-session NAME]`, a
 * `[services NAME]`, or a section by its plain name (`[preview]`, `[plugins]`).
 */
export interface SectionRef {
  type: "profile" | "sso-session" | "services" | "plain";
  name: string;
}

/** The section header botocore reads as this profile in this kind of file. */
export function profileSectionName(profile: string, kind: ProfileFileKind): string {
  if (kind === "credentials" || profile === "default") return profile;
  return /\s/.test(profile) ? `profile "${profile}"` : `profile ${profile}`;
}

/** The header (without brackets) a new section gets. */
export function sectionHeader(section: SectionRef, kind: ProfileFileKind = "config"): string {
  if (section.type === "profile") return profileSectionName(section.name, kind);
  if (section.type === "plain") return section.name;
  return /\s/.test(section.name) ? `${section.type} "${section.name}"` : `${section.type} ${section.name}`;
}

const HEADER = /^\[([^\]]*)\]/;
const KEY_LINE = /^([^\s=:][^=:]*?)\s*[=:]\s*(.*)$/;

/** Whether a `[…]` header is this section, as botocore would file it (`[profile   dev]` is dev). */
function headerIs(inner: string, section: SectionRef, kind: ProfileFileKind): boolean {
  const { type, name } = section;
  if (type === "plain" || (type === "profile" && kind === "credentials")) return inner === name;
  if (type === "profile" && name === "default" && inner === "default") return true;
  if (!inner.startsWith(type)) return false;
  const words = shlexSplit(inner);
  return words?.length === 2 && words[1] === name;
}

export interface SectionEdit {
  section: SectionRef;
  /** The config or credentials file; only decides how a profile's header is written. Default: config. */
  kind?: ProfileFileKind;
  key: string;
  /** Set `subKey` in the sub-section `key` (`s3 =` with indented `subKey = value` lines) instead of `key` itself. */
  subKey?: string;
  value: string;
}

function refuse(edit: SectionEdit, why: string): CredchainError {
  const where = `[${sectionHeader(edit.section, edit.kind)}]`;
  const key = edit.subKey === undefined ? edit.key : `${edit.key}.${edit.subKey}`;
  return new CredchainError({
    code: "InvalidConfig",
    message: `cannot write ${JSON.stringify(key)} in ${where}: ${why}`,
    ...(edit.section.type === "profile" && { profile: edit.section.name }),
    key,
  });
}

function check(edit: SectionEdit): void {
  const badKey = (k: string) => /[\r\n=:[\]]/.test(k) || k.trim() !== k || k === "";
  if (/[\r\n]/.test(edit.value) || badKey(edit.key) || (edit.subKey !== undefined && badKey(edit.subKey))) {
    throw refuse(edit, "keys may not contain = : [ ] or spaces at the ends, and values may not span lines");
  }
  const name = edit.section.name;
  // botocore splits a header shell-like: a quote or backslash in a name with spaces would be read as another name.
  if (/[\r\n[\]]/.test(name) || name.trim() !== name || name === "" || (/\s/.test(name) && /["'\\]/.test(name))) {
    throw refuse(edit, `the name ${JSON.stringify(name)} cannot be written as a section header`);
  }
}

/**
 * Sets `key = value` (or, with `subKey`, `subKey = value` in the sub-section `key`, as `aws configure
 * set s3.max_concurrent_requests 20` writes it) in one section of an INI text and returns the new
 * text; every other byte (comments, order, blank lines, line endings) stays as it was. An existing
 * key is replaced in place (with its indented lines, if it was a sub-section); an existing sub-key
 * keeps its indentation; a new key goes after the section's last line; a missing section is
 * appended at the end. A sub-key under a key that holds a value is refused (`InvalidConfig`): the
 * value would swallow it.
 *
 * @example
 * ```ts
 * setSectionValue("[services corp]\n", { section: { type: "services", name: "corp" }, key: "s3", subKey: "endpoint_url", value: "http://localhost:9000" });
 * // "[services corp]\ns3 =\n    endpoint_url = http://localhost:9000\n"
 * ```
 */
export function setSectionValue(text: string, edit: SectionEdit): string {
  check(edit);
  const { section, value, subKey } = edit;
  const kind = edit.kind ?? "config";
  const key = edit.key.toLowerCase();
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // Keep each line's own ending so untouched lines come back byte for byte.
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const body = (line: string) => line.replace(/\r?\n$/, "");
  const newLines = subKey === undefined ? `${key} = ${value}${eol}` : `${key} =${eol}    ${subKey} = ${value}${eol}`;

  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(body(lines[i] as string));
    if (m && headerIs((m[1] as string).trim(), section, kind)) start = i;
  }
  if (start === -1) {
    const sep = text === "" ? "" : text.endsWith("\n") ? eol : `${eol}${eol}`;
    return `${text}${sep}[${sectionHeader(section, kind)}]${eol}${newLines}`;
  }
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (HEADER.test(body(lines[i] as string))) {
      end = i;
      break;
    }
  }
  let seenKey = false;
  for (let i = start + 1; i < end; i++) {
    const line = body(lines[i] as string);
    // An indented line after a key continues it; before any key it is a key (RawConfigParser).
    if (seenKey && /^[ \t]/.test(line)) continue;
    const m = KEY_LINE.exec(line.trimStart());
    if (!m) continue;
    seenKey = true;
    if ((m[1] as string).trim().toLowerCase() !== key) continue;
    let last = i + 1;
    // Indented lines after a key belong to it (continuations or a sub-section).
    while (last < end && /^[ \t]+\S/.test(body(lines[last] as string))) last++;
    const ending = /\r?\n$/.exec(lines[last - 1] as string)?.[0] ?? eol;
    if (subKey === undefined) {
      lines.splice(i, last - i, `${key} = ${value}${ending}`);
      return lines.join("");
    }
    if ((m[2] as string).trim() !== "") throw refuse(edit, `${key} holds a value there, not a sub-section`);
    for (let j = i + 1; j < last; j++) {
      const sub = /^([ \t]+)([^=]*?)\s*=/.exec(body(lines[j] as string));
      if (sub && (sub[2] as string) === subKey) {
        const own = /\r?\n$/.exec(lines[j] as string)?.[0] ?? eol;
        lines[j] = `${sub[1]}${subKey} = ${value}${own}`;
        return lines.join("");
      }
    }
    // Indented as its siblings are, else as the AWS CLI indents (four spaces).
    const indent = last > i + 1 ? (/^[ \t]+/.exec(lines[i + 1] as string)?.[0] ?? "    ") : "    ";
    if (!(lines[last - 1] as string).endsWith("\n")) lines[last - 1] = `${lines[last - 1]}${eol}`;
    lines.splice(last, 0, `${indent}${subKey} = ${value}${ending === "" ? eol : ending}`);
    return lines.join("");
  }
  // After the section's last non-blank line, so a blank separator before the next section stays.
  let at = end;
  while (at > start + 1 && body(lines[at - 1] as string).trim() === "") at--;
  const prev = lines[at - 1] as string;
  if (!prev.endsWith("\n")) lines[at - 1] = `${prev}${eol}`;
  lines.splice(at, 0, newLines);
  return lines.join("");
}

/**
 * Sets `key = value` in one profile of an INI text and returns the new text; every other byte
 * (comments, order, blank lines, line endings) stays as it was. An existing key is replaced in
 * place (with its indented continuation lines, if it was a sub-section); a new key goes after the
 * profile's last line; a missing profile is appended at the end.
 *
 * @example
 * ```ts
 * setProfileValue("# mine\n[profile dev]\nregion = a\n", { profile: "dev", kind: "config", key: "region", value: "b" });
 * // "# mine\n[profile dev]\nregion = b\n"
 * ```
 */
export function setProfileValue(
  text: string,
  edit: { profile: string; kind: ProfileFileKind; key: string; value: string; subKey?: string },
): string {
  const { profile, ...rest } = edit;
  return setSectionValue(text, { ...rest, section: { type: "profile", name: profile } });
}
