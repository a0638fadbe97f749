import { CredchainError } from "@credchain/core";
import { sectionHeader, type SectionRef } from "@credchain/provider-ini";
import { UsageError } from "./parse-args.js";

/** Sections the AWS CLI addresses by their plain name (`preview.cloudfront`). */
export const PREDEFINED_SECTIONS = ["preview", "plugins"] as const;

/** Where `configure set` writes: a section, a key, and for a nested key its sub-key. */
export interface KeyTarget {
  section: SectionRef;
  key: string;
  subKey?: string;
}

/** The section options of `configure get/set`, at most one given. */
export interface SectionOptions {
  services?: string | undefined;
  ssoSession?: string | undefined;
}

const tooDeep = (raw: string) =>
  new UsageError(`"${raw}" is nested too deeply: a key may have one sub-key (s3.max_concurrent_requests), as the AWS CLI writes them`);

const profileSection = (name: string): SectionRef =>
  (PREDEFINED_SECTIONS as readonly string[]).includes(name) ? { type: "plain", name } : { type: "profile", name };

/** `[services NAME]` / `[sso-session NAME]` from the options, or undefined. */
export function sectionOption(options: SectionOptions): SectionRef | undefined {
  if (options.services !== undefined && options.ssoSession !== undefined) throw new UsageError("--services and --sso-session cannot be used together");
  if (options.services !== undefined) return { type: "services", name: options.services };
  if (options.ssoSession !== undefined) return { type: "sso-session", name: options.ssoSession };
  return undefined;
}

/**
 * How `aws configure set` reads KEY (awscli's ConfigureSetCommand): `region` in the current profile;
 * `s3.max_concurrent_requests` nested in it; `default.KEY[.SUB]` and `profile.NAME.KEY[.SUB]` in that
 * profile; `preview.KEY` / `plugins.KEY` in that section; with `--services` / `--sso-session`, KEY[.SUB]
 * in that section. Deliberate difference: a key with more parts is refused, where the AWS CLI writes
 * its first part alone (and loses the rest).
 *
 * @example
 * ```ts
 * setTarget("profile.dev.s3.addressing_style", "default", {});
 * // { section: { type: "profile", name: "dev" }, key: "s3", subKey: "addressing_style" }
 * ```
 */
export function setTarget(raw: string, currentProfile: string, options: SectionOptions): KeyTarget {
  const section = sectionOption(options);
  const parts = raw.split(".");
  const nested = (sectionRef: SectionRef, rest: string[]): KeyTarget => {
    if (rest.length > 2) throw tooDeep(raw);
    if (rest.length === 0 || rest.some((p) => p === "")) throw new UsageError(`"${raw}" names no key`);
    return { section: sectionRef, key: rest[0] as string, ...(rest.length === 2 && { subKey: rest[1] as string }) };
  };
  if (section) return nested(section, parts);
  if (parts.length === 1) return nested(profileSection(currentProfile), parts);
  const [first, ...rest] = parts as [string, ...string[]];
  if (first === "default") return nested({ type: "profile", name: "default" }, rest);
  if (first === "profile") {
    if (rest.length < 2) throw new UsageError(`"${raw}" names no key: write profile.NAME.KEY`);
    return nested({ type: "profile", name: rest[0] as string }, rest.slice(1));
  }
  if ((PREDEFINED_SECTIONS as readonly string[]).includes(first)) {
    if (rest.length !== 1) throw tooDeep(raw);
    return nested({ type: "plain", name: first }, rest);
  }
  return nested(profileSection(currentProfile), parts);
}

/** A profile map as `loadSharedConfig` gives it: keys, and sub-sections as objects. */
type Profiles = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * The value `aws configure get KEY` prints (awscli's ConfigureGetCommand): a string, an object
 * for a sub-section (which the command refuses to print), or undefined.
 */
export function getValue(
  raw: string,
  currentProfile: string,
  config: { profiles: Profiles; sections: Profiles; services: Profiles; ssoSessions: Profiles; file: string },
  options: SectionOptions,
): unknown {
  const section = sectionOption(options);
  const parts = raw.split(".");
  if (section) {
    const map = section.type === "services" ? config.services : config.ssoSessions;
    if (!Object.hasOwn(map, section.name)) {
      // The AWS CLI v2's SubsectionNotFoundError, with the section and file named.
      const message = `The config sub-section (${section.name}) could not be found: no [${sectionHeader(section)}] in ${config.file}`;
      throw new CredchainError({ code: "InvalidConfig", message, file: config.file });
    }
    const value = (map[section.name] as Record<string, unknown>)[parts[0] as string];
    return parts.length === 1 ? value : parts.length === 2 ? sub(value, parts[1] as string) : undefined;
  }
  const at = (profile: string, key: string) => (Object.hasOwn(config.profiles, profile) ? config.profiles[profile]?.[key] : undefined);
  if (parts.length === 1) return at(currentProfile, raw);
  const [first, ...rest] = parts as [string, ...string[]];
  if (parts.length === 2 && (PREDEFINED_SECTIONS as readonly string[]).includes(first)) {
    const plain = Object.hasOwn(config.sections, first) ? config.sections[first]?.[rest[0] as string] : undefined;
    return plain ?? at(first, rest[0] as string);
  }
  let profile: string;
  let key: string;
  let remaining: string[];
  if (first === "profile") [profile, key, remaining] = [rest[0] ?? "", rest[1] ?? "", rest.slice(2)];
  else if (first === "default" || Object.hasOwn(config.profiles, first)) [profile, key, remaining] = [first, rest[0] as string, rest.slice(1)];
  else [profile, key, remaining] = [currentProfile, first, rest];
  const value = at(profile, key);
  return remaining.length === 1 ? sub(value, remaining[0] as string) : value;
}

function sub(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
