/** The placeholder for the scenario's temporary HOME, in env values and in files under home/. */
export const HOME_PLACEHOLDER = "{{HOME}}";

/**
 * The values placeholders stand for in one run: `{{HOME}}` always, and the emulator's
 * `{{IMDS_URL}}`, `{{CONTAINER_URL}}`, `{{CONTAINER_TOKEN}}` when the scenario starts one.
 * Keys are the names between the braces.
 */
export interface PlaceholderValues {
  HOME: string;
  [name: string]: string;
}

function valuesOf(values: string | PlaceholderValues): PlaceholderValues {
  return typeof values === "string" ? { HOME: values } : values;
}

/** Replaces every `{{NAME}}` in `text` whose NAME has a value (a bare string is the home path). */
export function substitutePlaceholders(text: string, values: string | PlaceholderValues): string {
  let out = text;
  for (const [name, value] of Object.entries(valuesOf(values))) out = out.split(`{{${name}}}`).join(value);
  return out;
}

/**
 * The reverse, so recorded messages carry neither a random temp path nor a random port. Longer
 * values first, so a URL is restored before a shorter value inside it.
 */
export function restorePlaceholders(text: string, values: string | PlaceholderValues): string {
  const pairs = Object.entries(valuesOf(values))
    .filter(([, value]) => value !== "")
    .sort(([, a], [, b]) => b.length - a.length);
  let out = text;
  for (const [name, value] of pairs) out = out.split(value).join(`{{${name}}}`);
  return out;
}

/** Whether `bytes` hold any of the placeholders that have a value. */
export function hasPlaceholder(bytes: Buffer, values: string | PlaceholderValues): boolean {
  return Object.keys(valuesOf(values)).some((name) => bytes.includes(Buffer.from(`{{${name}}}`, "utf8")));
}
