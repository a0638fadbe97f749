/** The placeholder for the scenario's temporary HOME, in env values and in files under home/. */
export const HOME_PLACEHOLDER = "{{HOME}}";

/** Replaces every `{{HOME}}` in `text` with the temp home path. */
export function substitutePlaceholders(text: string, home: string): string {
  return text.split(HOME_PLACEHOLDER).join(home);
}

/** The reverse, so recorded messages do not carry a random temp path. */
export function restorePlaceholders(text: string, home: string): string {
  return text.split(home).join(HOME_PLACEHOLDER);
}
