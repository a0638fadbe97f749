import type { SharedConfigInit } from "./load-shared-config.js";
import { setSectionValue, type SectionRef } from "./set-profile-value.js";
import { CREDENTIALS_FILE_KEYS, editConfigFile, profileFilePath } from "./write-profile.js";

export interface WriteConfigValueInit extends SharedConfigInit {
  section: SectionRef;
  key: string;
  /** Set `subKey` in the sub-section `key` (`s3 =` with `max_concurrent_requests = 20` under it). */
  subKey?: string;
  value: string;
}

/**
 * Sets one value as `aws configure set` does: in a profile, `aws_access_key_id`,
 * `aws_secret_access_key` and `aws_session_token` go to the credentials file (`[NAME]`), every
 * other key to the config file (`[profile NAME]`, `[default]`); `[sso-session NAME]`, `[services
 * NAME]` and plain sections (`[preview]`) are in the config file. A `subKey` makes it nested:
 * `s3 =` with `subKey = value` indented under it. The file is edited under its lock, re-read
 * there and replaced atomically, every other byte kept (see {@link writeProfile}). Returns the file
 * written.
 *
 * Errors: a key, sub-key, value or section name that cannot be written without changing what
 * else the file says → `InvalidConfig`; a file that is not a regular file → `ConfigNotFound`.
 *
 * @example
 * ```ts
 * import { writeConfigValue } from "@credchain/provider-ini";
 *
 * await writeConfigValue({ section: { type: "profile", name: "default" }, key: "s3", subKey: "max_concurrent_requests", value: "20" });
 * await writeConfigValue({ section: { type: "services", name: "local" }, key: "s3", subKey: "endpoint_url", value: "http://127.0.0.1:9000" });
 * ```
 */
export async function writeConfigValue(init: WriteConfigValueInit): Promise<string> {
  const { section, key, subKey, value } = init;
  const toCredentials = section.type === "profile" && subKey === undefined && (CREDENTIALS_FILE_KEYS as readonly string[]).includes(key.toLowerCase());
  const kind = toCredentials ? "credentials" : "config";
  const edit = { section, kind, key, value, ...(subKey !== undefined && { subKey }) } as const;
  // Checked before the file is touched: a refused edit never creates or locks anything.
  setSectionValue("", edit);
  const path = profileFilePath(kind, init);
  await editConfigFile(path, (text = "") => setSectionValue(text, edit));
  return path;
}
