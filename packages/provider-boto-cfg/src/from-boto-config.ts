import {
  createCredentials,
  CredchainError,
  loadConfigFile,
  notFound,
  type CredentialProvider,
  type LoadedConfigFile,
  type LocalContext,
  type LocalContextInit,
} from "@credchain/core/local";
import { resolveLocalContext, sectionKeyPair, sectionOrigin } from "@credchain/core/internal";

/** Names the one boto2 config file to read; when set, the default locations are not read. */
export const BOTO_CONFIG = "BOTO_CONFIG";
/** The system-wide boto2 config file botocore reads first. */
export const SYSTEM_BOTO_CONFIG_PATH = "/etc/boto.cfg";
/** The per-user boto2 config file botocore reads after the system one. */
export const USER_BOTO_CONFIG_PATH = "~/.boto";
/** The section holding the keys; section names are case-sensitive (`[credentials]` is not it). */
export const BOTO_CREDENTIALS_SECTION = "Credentials";

const ACCESS_KEY = "aws_access_key_id";
const SOURCE = "boto-config";

export interface BotoConfigInit extends LocalContextInit {
  /**
   * The system-wide file read first when `BOTO_CONFIG` is unset. Default: `/etc/boto.cfg`
   * (botocore's fixed `DEFAULT_CONFIG_FILENAMES[0]`); tests point it into a temp dir.
   */
  systemBotoConfigPath?: string;
}

/**
 * Credentials from a boto2 config file, as botocore's BotoProvider: the `[Credentials]` section's
 * `aws_access_key_id` and `aws_secret_access_key` (keys are case-insensitive; no session token).
 *
 * Files: only `BOTO_CONFIG` when that variable is set (even to an empty string), with `$VARS`
 * and `~` expanded; otherwise `/etc/boto.cfg`, then `~/.boto`. A missing or unreadable file is
 * skipped, as is anything that is not a regular file (a directory, FIFO or device: botocore's
 * `os.path.isfile` is false), and a file without `[Credentials]` or without an access key in it;
 * the `notFound` reason says which each file was. A file over 16 MiB: `ConfigParse`, naming the
 * cap, without reading the rest. The first file
 * with an access key decides:
 *
 * - no secret key: `PartialCredentials`;
 * - a key written as a sub-section (indented lines after `key =`): `InvalidConfig` (botocore
 *   would hand on a dict as the key);
 * - a file that does not parse (duplicate sections or keys, a line before any section, …):
 *   `ConfigParse`, naming the file and line; the chain stops, as in botocore.
 *
 * No file gives credentials: `notFound` (the chain moves on). Files are read on every call.
 *
 * @example
 * ```ts
 * import { fromBotoConfig } from "@credchain/provider-boto-cfg";
 *
 * // ~/.boto: "[Credentials]\naws_access_key_id = AKID…\naws_secret_access_key = …"
 * const { accessKeyId, source } = await fromBotoConfig()(); // source: "boto-config"
 * ```
 */
export function fromBotoConfig(init: BotoConfigInit = {}): CredentialProvider {
  const ctx = resolveLocalContext(init);
  const defaults = [init.systemBotoConfigPath ?? SYSTEM_BOTO_CONFIG_PATH, USER_BOTO_CONFIG_PATH];
  return async () => {
    const named = ctx.env[BOTO_CONFIG];
    const candidates = named === undefined ? defaults : [named];
    const files: string[] = [];
    // What each file had instead of a key, for explain and NoCredentials.
    const notes: string[] = [];
    for (const candidate of candidates) {
      const file = await load(candidate, ctx);
      files.push(file.path);
      const section = file.sections[BOTO_CREDENTIALS_SECTION];
      if (section === undefined || !Object.hasOwn(section, ACCESS_KEY)) {
        const why = !file.exists
          ? (file.absentReason ?? "does not exist")
          : file.readError !== undefined
            ? `cannot be read (${file.readError})`
            : `has no ${section === undefined ? "" : `${ACCESS_KEY} in `}[${BOTO_CREDENTIALS_SECTION}]`;
        notes.push(`${file.path} ${why}`);
        continue;
      }
      const place = { source: SOURCE, file: file.path, fileLabel: file.path, section: `[${BOTO_CREDENTIALS_SECTION}]` } as const;
      const { accessKeyId, secretAccessKey } = sectionKeyPair(section, place);
      ctx.logger.debug(`${SOURCE}: found credentials in ${file.path}`);
      return createCredentials({ accessKeyId, secretAccessKey, source: SOURCE }, sectionOrigin(place));
    }
    const where = named === undefined ? `${BOTO_CONFIG} is not set and` : `${BOTO_CONFIG} is set, so only it is read, and`;
    throw notFound(SOURCE, `${where} no boto config file has ${ACCESS_KEY} in [${BOTO_CREDENTIALS_SECTION}]: ${notes.join("; ")}`, {
      envVars: [BOTO_CONFIG],
      files,
    });
  };
}

/** loadConfigFile, with this provider named on a parse error. */
async function load(path: string, ctx: LocalContext): Promise<LoadedConfigFile> {
  try {
    return await loadConfigFile(path, ctx);
  } catch (error) {
    if (!CredchainError.isInstance(error)) throw error;
    throw new CredchainError({ code: error.code, message: error.message, source: SOURCE, file: error.file, key: error.key, cause: error });
  }
}
