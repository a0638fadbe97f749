import { parseConfig } from "../src/config-parser.js";
import type { ProfileSettings } from "../src/resolve-setting.js";

/** The profile layer of a config file's `[default]` (or `[profile NAME]`) and its `[services]` sections, as provider-ini's profileSettings builds it. */
export function profileLayer(text: string, name = "default"): ProfileSettings {
  const sections = parseConfig(text, { file: "/cfg" });
  const services = Object.fromEntries(Object.entries(sections).filter(([k]) => k.startsWith("services ")).map(([k, v]) => [k.slice(9), v]));
  return { name, values: sections[name === "default" ? "default" : `profile ${name}`] ?? {}, services, file: "/cfg" };
}
