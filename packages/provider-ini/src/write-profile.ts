import { CredchainError, expandPath, nodeFsPromises, resolveContext, writeFileAtomic } from "@credchain/core";
import {
  AWS_CONFIG_FILE,
  AWS_SHARED_CREDENTIALS_FILE,
  DEFAULT_CONFIG_FILE,
  DEFAULT_CREDENTIALS_FILE,
  type SharedConfigInit,
} from "./load-shared-config.js";
import { setProfileValue, type ProfileFileKind } from "./set-profile-value.js";

/** Keys the AWS CLI's `configure set` writes to the credentials file; all others go to config. */
export const CREDENTIALS_FILE_KEYS = ["aws_access_key_id", "aws_secret_access_key", "aws_session_token"] as const;

export interface WriteProfileInit extends SharedConfigInit {
  profile: string;
  /** Keys and values to set, in order. */
  values: Record<string, string>;
  /** Which file; default: per key, as `aws configure set` (keys above to credentials, others to config). */
  kind?: ProfileFileKind;
}

/** The file path for a kind, as the readers resolve it (option, env var, default; `~` and `$VAR` expanded). */
export function profileFilePath(kind: ProfileFileKind, init: SharedConfigInit = {}): string {
  const ctx = resolveContext(init);
  const raw =
    kind === "config"
      ? (init.configFile ?? ctx.env[AWS_CONFIG_FILE] ?? DEFAULT_CONFIG_FILE)
      : (init.credentialsFile ?? ctx.env[AWS_SHARED_CREDENTIALS_FILE] ?? DEFAULT_CREDENTIALS_FILE);
  return expandPath(raw, ctx.env, ctx.homedir);
}

/**
 * Sets keys in a profile of ~/.aws/config and/or ~/.aws/credentials, as `aws configure set`
 * does, keeping every other byte of each file; a missing file is created with mode 0600, and each
 * file is written atomically. Returns the files written. Values are never logged.
 *
 * @example
 * ```ts
 * import { writeProfile } from "@credchain/provider-ini";
 *
 * await writeProfile({ profile: "dev", values: { region: "eu-west-1" } });
 * ```
 */
export async function writeProfile(init: WriteProfileInit): Promise<string[]> {
  const byKind = new Map<ProfileFileKind, [string, string][]>();
  for (const [key, value] of Object.entries(init.values)) {
    const kind = init.kind ?? ((CREDENTIALS_FILE_KEYS as readonly string[]).includes(key.toLowerCase()) ? "credentials" : "config");
    byKind.set(kind, [...(byKind.get(kind) ?? []), [key, value]]);
  }
  const written: string[] = [];
  for (const [kind, entries] of byKind) {
    const path = profileFilePath(kind, init);
    let text = await nodeFsPromises().readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return "";
      throw new CredchainError({ code: "ConfigNotFound", message: `cannot read ${path}: ${error.code ?? error.message}`, file: path, cause: error });
    });
    for (const [key, value] of entries) text = setProfileValue(text, { profile: init.profile, kind, key, value });
    await writeFileAtomic(path, text);
    written.push(path);
  }
  return written;
}
