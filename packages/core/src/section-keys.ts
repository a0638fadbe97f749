import type { ConfigSection } from "./config-parser.js";
import type { CredentialSource, CredentialsOrigin } from "./credentials.js";
import { CredchainError } from "./errors.js";

/** Where a config section with keys sits, as error messages name it. */
export interface SectionPlace {
  source: CredentialSource;
  /** The file's path. */
  file: string;
  /** How messages name the file: its path, or e.g. `the config file <path>`. */
  fileLabel: string;
  /** How messages name the section: `profile "dev"`, `[Credentials]`. */
  section: string;
  /** The profile, for the error's `profile` field. */
  profile?: string | undefined;
}

const ACCESS_KEY = "aws_access_key_id";
const SECRET_KEY = "aws_secret_access_key";

/**
 * The value of `key` in a parsed section, undefined when the key is absent. A sub-section there
 * (indented lines after `key =`) is `InvalidConfig` naming the file, the section and the key.
 */
export function sectionText(values: ConfigSection, key: string, place: SectionPlace): string | undefined {
  if (!Object.hasOwn(values, key)) return undefined;
  const value = values[key];
  if (typeof value === "string") return value;
  throw new CredchainError({
    code: "InvalidConfig",
    message: `${key} in ${place.section} of ${place.fileLabel} is a sub-section (indented lines after "${key} ="), not a value`,
    source: place.source,
    file: place.file,
    profile: place.profile,
    key,
  });
}

/**
 * `aws_access_key_id` and `aws_secret_access_key` of a section that has the access key (botocore
 * counts an empty value as present); without the secret, `PartialCredentials`.
 *
 * @example
 * ```ts
 * const place = { source: "boto-config", file, fileLabel: file, section: "[Credentials]" } as const;
 * const { accessKeyId, secretAccessKey } = sectionKeyPair(sections.Credentials, place);
 * ```
 */
export function sectionKeyPair(values: ConfigSection, place: SectionPlace): { accessKeyId: string; secretAccessKey: string } {
  const accessKeyId = sectionText(values, ACCESS_KEY, place) ?? "";
  const secretAccessKey = sectionText(values, SECRET_KEY, place);
  if (secretAccessKey === undefined) {
    throw new CredchainError({
      code: "PartialCredentials",
      message: `Partial credentials found in ${place.source}, missing: ${SECRET_KEY} (${place.section} in ${place.file} has ${ACCESS_KEY} but no ${SECRET_KEY})`,
      source: place.source,
      file: place.file,
      profile: place.profile,
      key: SECRET_KEY,
    });
  }
  return { accessKeyId, secretAccessKey };
}

/**
 * How `createCredentials` names a section's keys when it refuses one: `aws_access_key_id`
 * and `aws_secret_access_key` in `profile "dev" of the credentials file <path>`.
 *
 * @example
 * ```ts
 * createCredentials({ accessKeyId, secretAccessKey, source: "boto-config" }, sectionOrigin(place));
 * ```
 */
export function sectionOrigin(place: SectionPlace): CredentialsOrigin {
  return { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY, where: `${place.section} of ${place.fileLabel}`, file: place.file, profile: place.profile };
}
