/**
 * A small, careful reader for the XML STS sends: no DTDs, no namespaces prefixes, no mixed
 * content — just known elements nested in known elements. It never evaluates anything.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric character references; unknown ones stay as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return fromCodePoint(parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith("#")) return fromCodePoint(parseInt(ref.slice(1), 10), whole);
    return ENTITIES[ref] ?? whole;
  });
}

function fromCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/**
 * The raw inner XML of the first element named `name` inside `xml` (not decoded), `""` for
 * `<name/>`, or undefined when there is none or it is not closed. A name only matches whole
 * (`<Arn>` is not `<ArnX>`), attributes are allowed; nesting of the same name is counted.
 */
export function innerXml(xml: string, name: string): string | undefined {
  const open = new RegExp(`<${name}(?:\\s[^>]*)?(/?)>`, "g");
  const m = open.exec(xml);
  if (!m) return undefined;
  if (m[1] === "/") return "";
  const start = m.index + m[0].length;
  const tag = new RegExp(`<(/?)${name}(?:\\s[^>]*)?(/?)>`, "g");
  tag.lastIndex = start;
  let depth = 1;
  for (let t = tag.exec(xml); t; t = tag.exec(xml)) {
    if (t[2] === "/") continue; // a self-closed sibling of the same name
    depth += t[1] === "/" ? -1 : 1;
    if (depth === 0) return xml.slice(start, t.index);
  }
  return undefined;
}

/** The decoded text at a path of element names, e.g. `["AssumeRoleResult", "Credentials", "AccessKeyId"]`. */
export function xmlText(xml: string, path: readonly string[]): string | undefined {
  let scope: string | undefined = xml;
  for (const name of path) {
    if (scope === undefined) return undefined;
    scope = innerXml(scope, name);
  }
  if (scope === undefined) return undefined;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(scope);
  if (cdata) return cdata[1];
  // A leaf holds text only; anything with markup left is not the element we were asked for.
  if (scope.includes("<")) return undefined;
  return decodeXmlText(scope);
}
