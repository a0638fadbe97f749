import { CredchainError } from "@credchain/core";
import { shlexSplit } from "@credchain/core/internal";

/** Which file a profile lives in decides its section header: `[profile dev]` or `[dev]`. */
export type ProfileFileKind = "config" | "credentials";

/** The section header botocore reads as this profile in this kind of file. */
export function profileSectionName(profile: string, kind: ProfileFileKind): string {
  if (kind === "credentials" || profile === "default") return profile;
  return /\s/.test(profile) ? `profile "${profile}"` : `profile ${profile}`;
}

const HEADER = /^\[([^\]]*)\]/;
const KEY_LINE = /^([^\s=:][^=:]*?)\s*[=:]/;

/** Whether a `[…]` header names this profile, as botocore would file it (`[profile   dev]` is dev). */
function headerIsProfile(inner: string, profile: string, kind: ProfileFileKind): boolean {
  if (kind === "credentials") return inner === profile;
  if (profile === "default" && inner === "default") return true;
  if (!inner.startsWith("profile")) return false;
  const words = shlexSplit(inner);
  return words?.length === 2 && words[1] === profile;
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
  edit: { profile: string; kind: ProfileFileKind; key: string; value: string },
): string {
  const { profile, kind, value } = edit;
  const key = edit.key.toLowerCase();
  if (/[\r\n]/.test(value) || /[\r\n=:[\]]/.test(key) || key.trim() !== key || key === "") {
    throw new CredchainError({
      code: "InvalidConfig",
      message: `cannot write ${JSON.stringify(edit.key)} in profile "${profile}": keys may not contain = : [ ] or spaces at the ends, and values may not span lines`,
      profile,
      key: edit.key,
    });
  }
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // Keep each line's own ending so untouched lines come back byte for byte.
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const body = (line: string) => line.replace(/\r?\n$/, "");
  const newLine = `${key} = ${value}${eol}`;

  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(body(lines[i] as string));
    if (m && headerIsProfile((m[1] as string).trim(), profile, kind)) start = i;
  }
  if (start === -1) {
    const sep = text === "" ? "" : text.endsWith("\n") ? eol : `${eol}${eol}`;
    return `${text}${sep}[${profileSectionName(profile, kind)}]${eol}${newLine}`;
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
    lines.splice(i, last - i, `${key} = ${value}${ending}`);
    return lines.join("");
  }
  // After the profile's last non-blank line, so a blank separator before the next section stays.
  let at = end;
  while (at > start + 1 && body(lines[at - 1] as string).trim() === "") at--;
  const prev = lines[at - 1] as string;
  if (!prev.endsWith("\n")) lines[at - 1] = `${prev}${eol}`;
  lines.splice(at, 0, newLine);
  return lines.join("");
}
