import { CredchainError } from "@credchain/core/local";
import { expandPath, resolveLocalContext } from "@credchain/core/internal";
import { updateFile } from "@credchain/core/writes";
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
  const ctx = resolveLocalContext(init);
  const raw =
    kind === "config"
      ? (init.configFile ?? ctx.env[AWS_CONFIG_FILE] ?? DEFAULT_CONFIG_FILE)
      : (init.credentialsFile ?? ctx.env[AWS_SHARED_CREDENTIALS_FILE] ?? DEFAULT_CREDENTIALS_FILE);
  return expandPath(raw, ctx.env, ctx.homedir);
}

/**
 * Sets keys in a profile of ~/.aws/config and/or ~/.aws/credentials, as `aws configure set`
 * does, keeping every other byte of each file. Each file is edited under its lock
 * (`<file>.lock`), re-read there, and replaced atomically, so concurrent writers (30 `credchain
 * configure set` at once) each keep their keys and a reader never sees half a file. A symlinked
 * file stays a symlink (its target is replaced); an existing file keeps its mode, a new one is
 * 0600. Returns the files written. Values are never logged.
 *
 * Errors: a path that is not a regular file (a FIFO, `/dev/null`, a directory), over 16 MiB, or
 * not readable or writable → `ConfigNotFound` naming it; its lock held past the wait → `LockTimeout`.
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
    const edit = (text = "") => entries.reduce((t, [key, value]) => setProfileValue(t, { profile: init.profile, kind, key, value }), text);
    await editConfigFile(path, edit);
    written.push(path);
  }
  return written;
}

/** `updateFile` (lock, re-read, atomic replace) with its failures as `ConfigNotFound` naming the file. */
export async function editConfigFile(path: string, edit: (text?: string) => string): Promise<void> {
  await updateFile(path, edit).catch((error: NodeJS.ErrnoException) => {
    if (CredchainError.isInstance(error)) throw error;
    const why = error.code === "ENOTREG" || error.code === "EISDIR" ? "not a regular file" : error.code === "EFBIG" ? "larger than 16 MiB" : (error.code ?? error.message);
    throw new CredchainError({ code: "ConfigNotFound", message: `cannot write ${path}: ${why}`, file: path, cause: error });
  });
}
