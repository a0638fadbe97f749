import type { ConfigSection } from "./config-parser.js";
import type { Env } from "./context.js";
import type { CredentialSource } from "./credentials.js";
import { CredchainError } from "./errors.js";

/**
 * One row of the settings table: botocore's `BOTOCORE_DEFAULT_SESSION_VARIABLES` entry (config
 * key, env vars, default, conversion) for one setting.
 */
export interface Setting<T = string> {
  /** The profile key, and the setting's name in messages. */
  readonly key: string;
  /** Environment variables in order; the first that is set (even to "") decides, as in botocore. Default: `AWS_<KEY>`. */
  readonly env?: readonly string[];
  /** Converts text from env or a file; undefined for text it cannot read, which is then InvalidConfig. */
  readonly parse?: (text: string) => T | undefined;
  /** What `parse` accepts, for that error: `a whole number`. */
  readonly expected?: string;
  readonly default?: T;
  /** "" counts as unset: everywhere (`true`, botocore's truthiness test of endpoint URLs) or for these env vars. */
  readonly skipBlank?: true | readonly string[];
}

/**
 * The config-file layer of settings, as botocore's scoped config: the session's profile (keys of
 * both files, the credentials file's over the config file's) and the config file's `[services]` sections.
 */
export interface ProfileSettings {
  /** The profile's name, for `from` and messages. */
  readonly name: string;
  readonly values: ConfigSection;
  /** The config file's `[services NAME]` sections by NAME. */
  readonly services?: Readonly<Record<string, ConfigSection>> | undefined;
  /** The config file, for messages. */
  readonly file?: string | undefined;
}

export interface SettingSources {
  env: Env;
  /** The profile layer; standalone providers have none unless given one. */
  profile?: ProfileSettings | undefined;
  /** The provider named on errors. */
  source?: CredentialSource | undefined;
}

export interface ResolvedSetting<T> {
  value: T | undefined;
  /** Where the value came from: `option`, `env AWS_REGION`, `profile "dev" region`, `services "corp" sts.endpoint_url`, `default`. */
  from: string;
}

/**
 * Resolves one setting as botocore's config chain does: the explicit `option`, else the first
 * env var that is set, else the profile's key, else the default (endpoint URLs add the profile's
 * services section: {@link resolveEndpointUrl}). Text is converted by the row's `parse`; text it
 * cannot read is `InvalidConfig` naming where it came from (botocore: ValueError).
 *
 * @example
 * ```ts
 * import { REGION, resolveSetting } from "@credchain/core";
 *
 * resolveSetting(REGION, { env: { AWS_DEFAULT_REGION: "eu-west-1" } });
 * // { value: "eu-west-1", from: "env AWS_DEFAULT_REGION" }
 * ```
 */
export function resolveSetting<T = string>(setting: Setting<T>, sources: SettingSources, option?: T | string): ResolvedSetting<T> {
  const { key, parse, skipBlank } = setting;
  const { env, profile } = sources;
  /**
   * The value at one place (the option; an env var `name`; the profile's key with `inProfile`),
   * converted; undefined when it is not set there. Where it came from is worded only for a value
   * found: most places a setting is looked for hold nothing.
   */
  const at = (text: unknown, name?: string, inProfile?: ProfileSettings): ResolvedSetting<T> | undefined => {
    // A sub-section where a value belongs counts as unset, as do blanks where the row says so.
    if (text === undefined || typeof text == "object" || (text === "" && (skipBlank === true || skipBlank?.includes(name ?? key)))) return;
    const from = inProfile ? `profile "${inProfile.name}" ${key}` : name ? `env ${name}` : "option";
    const value = typeof text == "string" && parse ? parse(text) : (text as T);
    if (value === undefined) {
      throw new CredchainError({
        code: "InvalidConfig",
        message: `${from} must be ${setting.expected}, got ${JSON.stringify(text)}`,
        source: sources.source,
        key: name ?? key,
        profile: inProfile?.name,
        file: inProfile?.file,
      });
    }
    return { value, from };
  };
  let found = at(option);
  if (found) return found;
  for (const name of settingEnv(setting)) if ((found = at(env[name], name))) return found;
  return (profile && at(profile.values[key], undefined, profile)) || { value: setting.default, from: "default" };
}

const envNames = new WeakMap<Setting<unknown>, readonly string[]>();

/**
 * The env vars a row reads, in order: its own list, else `AWS_<KEY>`.
 *
 * @example
 * ```ts
 * import { METADATA_SERVICE_TIMEOUT, settingEnv } from "@credchain/core";
 *
 * settingEnv(METADATA_SERVICE_TIMEOUT); // ["AWS_METADATA_SERVICE_TIMEOUT"]
 * ```
 */
export function settingEnv(setting: Setting<unknown>): readonly string[] {
  let names = setting.env ?? envNames.get(setting);
  if (!names) envNames.set(setting, (names = [`AWS_${setting.key.toUpperCase()}`]));
  return names;
}
