import type { LookedAt } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import type { FileFacts, ProfileMap } from "./load-shared-config.js";

const ACCESS_KEY = "aws_access_key_id";
/** botocore's TOKENS: aws_security_token, then aws_session_token. */
const TOKENS = ["aws_security_token", "aws_session_token"] as const;

/** One of the two files a static-key provider reads. */
export interface ProfileFile extends FileFacts {
  profiles: ProfileMap;
}

/** Whether botocore's SharedCredentialProvider / ConfigProvider would read keys from this file for `profile`. */
export type StaticKeysStep =
  | { keys: true; sessionTokenKey: (typeof TOKENS)[number] | undefined; lookedAt: LookedAt }
  | { keys: false; reason: string; lookedAt: LookedAt };

/**
 * botocore's test in SharedCredentialProvider.load / ConfigProvider.load: the file exists, has
 * the profile, and the profile has `aws_access_key_id` (an empty value counts); otherwise why not.
 * Which token key would be read is part of the answer; the key values are not (they are read,
 * and checked, only when the provider runs).
 *
 * @example
 * ```ts
 * const config = await loadSharedConfig();
 * staticKeysStep(config.credentialsFile, "credentials file", "dev");
 * // { keys: true, sessionTokenKey: "aws_session_token", lookedAt: { files: [...], profile: "dev" } }
 * ```
 */
export function staticKeysStep(file: ProfileFile, kind: string, profile: string): StaticKeysStep {
  const lookedAt = { files: [file.path], profile };
  const no = (reason: string): StaticKeysStep => ({ keys: false, reason, lookedAt });
  if (!file.exists) return no(`the ${kind} ${file.path} ${file.absentReason ?? "does not exist"}`);
  if (file.readError !== undefined) return no(`the ${kind} ${file.path} cannot be read (${file.readError}), so it counts as empty`);
  if (!Object.hasOwn(file.profiles, profile)) return no(`the ${kind} ${file.path} has no profile "${showName(profile)}"`);
  const section = file.profiles[profile]!;
  if (!Object.hasOwn(section, ACCESS_KEY)) return no(`profile "${showName(profile)}" in the ${kind} ${file.path} has no ${ACCESS_KEY}`);
  return { keys: true, sessionTokenKey: TOKENS.find((k) => Object.hasOwn(section, k)), lookedAt };
}
