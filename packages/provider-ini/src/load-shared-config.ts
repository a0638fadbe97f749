import { loadConfigFile, type ConfigSection, type ParsedConfig, type LocalContextInit } from "@credchain/core/local";
import { mergeSections, resolveLocalContext, shlexSplit } from "@credchain/core/internal";

/** Path of the config file. Default `~/.aws/config`; set to "" it names no file (as in botocore). */
export const AWS_CONFIG_FILE = "AWS_CONFIG_FILE";
/** Path of the credentials file. Default `~/.aws/credentials`; set to "" it names no file (as in botocore). */
export const AWS_SHARED_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
export const DEFAULT_CONFIG_FILE = "~/.aws/config";
export const DEFAULT_CREDENTIALS_FILE = "~/.aws/credentials";

/** One profile's keys (lower-cased) and values; a sub-section (`s3 =` + indented lines) is an object. */
export type Profile = ConfigSection;
/** Profiles (or sso-sessions, services) by name. Objects without a prototype. */
export type ProfileMap = Record<string, Profile>;

export interface SharedConfigInit extends LocalContextInit {
  /** Config file path (`$VARS` and `~` expanded). Default: env `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  configFile?: string;
  /** Credentials file path (`$VARS` and `~` expanded). Default: env `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  credentialsFile?: string;
}

/** Where a file was looked for and what was there. */
export interface FileFacts {
  /** The expanded path. */
  path: string;
  /** False when no regular file is there (read as empty, as botocore does). */
  exists: boolean;
  /** When `exists` is false, why: "does not exist", "is a directory", "is not a regular file (a FIFO)", … */
  absentReason?: string;
  /** When the file exists but could not be read (read as empty, as botocore does): the fs error code. */
  readError?: string;
}

export interface ConfigFile extends FileFacts {
  /** `[profile x]` as `x`, `[default]` as `default` (botocore's build_profile_map). */
  profiles: ProfileMap;
  /** `[sso-session x]` as `x`. */
  ssoSessions: ProfileMap;
  /** `[services x]` as `x`. */
  services: ProfileMap;
  /** Every section by its name as written, `[preview]`-style sections included. */
  sections: ParsedConfig;
}

export interface CredentialsFile extends FileFacts {
  /** Every section by its name as written: `[x]` is `x`, `[profile x]` is `profile x`. */
  profiles: ProfileMap;
}

export interface SharedConfig {
  configFile: ConfigFile;
  credentialsFile: CredentialsFile;
  /**
   * botocore's session profile map (`Session.full_config["profiles"]`): the config file's
   * profiles, with each credentials-file section's keys merged over the config profile of the
   * same name (or added as a new profile).
   */
  profiles: ProfileMap;
}

/**
 * Reads `~/.aws/config` and `~/.aws/credentials` (or the files AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE name) once, as a boto3 Session does, into profile maps. Missing
 * files read as empty; a file that does not parse throws `ConfigParse` (botocore's
 * ConfigParseError), naming the file and line.
 *
 * @example
 * ```ts
 * import { loadSharedConfig } from "@credchain/provider-ini";
 *
 * const config = await loadSharedConfig();
 * console.log(Object.keys(config.profiles), config.profiles.default?.region);
 * ```
 */
export async function loadSharedConfig(init: SharedConfigInit = {}): Promise<SharedConfig> {
  const ctx = { ...init, ...resolveLocalContext(init) };
  // Filled with the config file's profiles as they are filed, not copied after: a second pass over
  // a map of 10,000 profiles costs as much as filling it.
  const profiles: ProfileMap = Object.create(null);
  const [configFile, credentialsFile] = await Promise.all([
    readConfigFile(ctx, profiles),
    readCredentialsFile(ctx),
  ]);
  for (const name in credentialsFile.profiles) profiles[name] = mergeSections(profiles[name], credentialsFile.profiles[name]);
  return { configFile, credentialsFile, profiles };
}

/**
 * Reads only the config file (`configFile`, else AWS_CONFIG_FILE, else `~/.aws/config`), as
 * botocore's `configloader.load_config`: what botocore's ConfigProvider reads.
 */
export async function readConfigFile(init: Omit<SharedConfigInit, "credentialsFile"> = {}, also?: ProfileMap): Promise<ConfigFile> {
  const ctx = resolveLocalContext(init);
  const { sections, ...facts } = await loadConfigFile(init.configFile ?? ctx.env[AWS_CONFIG_FILE] ?? DEFAULT_CONFIG_FILE, ctx);
  return { ...facts, ...buildProfileMap(sections, also), sections };
}

/**
 * Reads only the credentials file (`credentialsFile`, else AWS_SHARED_CREDENTIALS_FILE, else
 * `~/.aws/credentials`): what botocore's SharedCredentialProvider reads.
 */
export async function readCredentialsFile(init: Omit<SharedConfigInit, "configFile"> = {}): Promise<CredentialsFile> {
  const ctx = resolveLocalContext(init);
  const { sections, ...facts } = await loadConfigFile(init.credentialsFile ?? ctx.env[AWS_SHARED_CREDENTIALS_FILE] ?? DEFAULT_CREDENTIALS_FILE, ctx);
  return { ...facts, profiles: sections };
}

/**
 * botocore's `configloader.build_profile_map`: a section whose name starts with `profile`,
 * `sso-session` or `services` and splits (shell-like, quotes allowed) into exactly two words is
 * filed under its second word (`[profile   x]` is `x`, `[profile "a b"]` is `a b`, and
 * `[profiles x]` is `x` too); `[default]` is `default`. Other sections (`[x]`, `[profile]`,
 * `[profile a b]`) are not profiles. When `[default]` and `[profile default]` both exist, the one
 * further down the file wins, whole.
 */
export function buildProfileMap(sections: ParsedConfig, also?: ProfileMap): Pick<ConfigFile, "profiles" | "ssoSessions" | "services"> {
  const profiles: ProfileMap = Object.create(null);
  const ssoSessions: ProfileMap = Object.create(null);
  const services: ProfileMap = Object.create(null);
  // `also` (loadSharedConfig's merged map) gets each profile too, in the same pass.
  for (const name in sections) {
    const target = name === "default" || name.startsWith("profile") ? profiles : name.startsWith("sso-session") ? ssoSessions : name.startsWith("services") ? services : undefined;
    let words: string[] | undefined;
    // The usual name, two plain words one space apart, is split without shlexSplit's array.
    const key = !target ? undefined : name === "default" ? name : TWO_PLAIN_WORDS.test(name) ? name.slice(name.indexOf(" ") + 1) : (words = shlexSplit(name))?.length === 2 ? words?.[1] : undefined;
    if (key !== undefined) {
      const section = sections[name] as Profile;
      (target as ProfileMap)[key] = section;
      if (also && target === profiles) also[key] = section;
    }
  }
  return { profiles, ssoSessions, services };
}

// Two words one space apart, nothing quoted or escaped (`profile dev`). Compiled once here: a
// regular expression literal in a function is a new object every call.
const TWO_PLAIN_WORDS = /^[^\s'"\\]+ [^\s'"\\]+$/;
