import { join } from "node:path";
import { createCredentials, CredchainError, parseTimestamp, type CredentialProvider, type Credentials, type LocalContext, type Logger } from "@credchain/core/local";
import { AWS_API_FIELD_NAMES, describeReadError, nodeCrypto, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { updateFile } from "@credchain/core/writes";

/** The AssumeRole arguments that name a cache entry, as botocore's AssumeRoleCredentialFetcher builds them. */
export interface RoleCacheKeyArgs {
  RoleArn: string;
  /** Only a session name the profile sets (a generated one is left out of the key). */
  RoleSessionName?: string | undefined;
  ExternalId?: string | undefined;
  SerialNumber?: string | undefined;
  DurationSeconds?: number | undefined;
}

/** Python's `json.dumps(obj, sort_keys=True)` for flat string/number objects (ensure_ascii). */
function pythonJson(obj: Record<string, string | number>): string {
  const str = (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const body = Object.keys(obj)
    .sort()
    .map((k) => `${str(k)}: ${typeof obj[k] === "number" ? obj[k] : str(obj[k] as string)}`);
  return `{${body.join(", ")}}`;
}

/**
 * The AWS CLI's file name for an assumed role's cache entry in ~/.aws/cli/cache: the sha1 of the
 * sorted JSON of the AssumeRole arguments, so the AWS CLI and credchain find each other's entries.
 */
export function roleCacheKey(args: RoleCacheKeyArgs): string {
  const defined = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
  return nodeCrypto().createHash("sha1").update(pythonJson(defined), "utf8").digest("hex");
}

// botocore's expiry window for cached role credentials: entries with less than 15 minutes left are refetched.
const EXPIRY_WINDOW_MS = 15 * 60_000;

/** botocore's JSONFileCache writes datetimes as `%Y-%m-%dT%H:%M:%S%Z` (e.g. `…T14:00:00UTC`). */
function cacheTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}UTC`;
}

/** An entry's expiry in ms; NaN when absent or not a timestamp (a corrupt entry). */
function cacheExpiry(text: unknown): number {
  return (typeof text === "string" && parseTimestamp(text)?.getTime()) || Number.NaN;
}

function safeParse(text: string | undefined): { Credentials?: Record<string, unknown> } | undefined {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as { Credentials?: Record<string, unknown> });
  } catch {
    return undefined;
  }
}

/**
 * Wraps an assume-role provider with the AWS CLI's file cache: a valid entry (more than 15
 * minutes left) is served without calling STS (or asking for an MFA code); a fresh answer is
 * written under the entry's lock, atomically, with mode 0600, unless another process has just
 * written one that lasts longer. Missing, expired and corrupt entries are ignored, as are
 * entries that are not regular files or are over 1 MiB (read with the context's bounded reader).
 */
export function withRoleFileCache(
  provider: CredentialProvider,
  options: { dir: string; key: string; now: () => number; logger: Logger; readFile: LocalContext["readFile"] },
): CredentialProvider {
  const file = join(options.dir, `${options.key}.json`);
  return async (call) => {
    if (!call?.forceRefresh) {
      let cached: { Credentials?: Record<string, unknown> } | undefined;
      let text: string | undefined;
      try {
        text = await options.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
      } catch (error) {
        // A miss, as in botocore's JSONFileCache; a FIFO or device there is never opened for reading.
        options.logger.debug(`assume-role: no usable cache entry: ${file} ${describeReadError(error)}`);
      }
      try {
        if (text !== undefined) cached = JSON.parse(text) as typeof cached;
      } catch {
        options.logger.debug(`assume-role: ignoring the unreadable cache entry ${file}`);
      }
      const c = cached?.Credentials;
      // `…UTC` as botocore writes it, `+00:00` as the AWS CLI v2 does; no zone or junk: corrupt.
      const expiration = typeof c?.Expiration === "string" ? parseTimestamp(c.Expiration) : undefined;
      if (c && typeof c.AccessKeyId === "string" && typeof c.SecretAccessKey === "string" && expiration && +expiration - options.now() >= EXPIRY_WINDOW_MS) {
        try {
          const creds = createCredentials(
            {
              accessKeyId: c.AccessKeyId,
              secretAccessKey: c.SecretAccessKey,
              sessionToken: typeof c.SessionToken === "string" ? c.SessionToken : undefined,
              expiration,
              accountId: typeof c.AccountId === "string" ? c.AccountId : undefined,
              source: "assume-role",
            },
            { ...AWS_API_FIELD_NAMES, where: file, file },
          );
          options.logger.debug(`assume-role: credentials from the cache ${file}`);
          return creds;
        } catch (error) {
          // A value with a control character: a corrupt entry, refetched and overwritten like any other.
          if (!CredchainError.isInstance(error)) throw error;
          options.logger.debug(`assume-role: ignoring the cache entry: ${error.message}`);
        }
      }
    }
    const fresh: Credentials = await provider(call);
    const entry = {
      Credentials: {
        AccessKeyId: fresh.accessKeyId,
        SecretAccessKey: fresh.secretAccessKey,
        SessionToken: fresh.sessionToken,
        Expiration: fresh.expiration && cacheTime(fresh.expiration),
        ...(fresh.accountId !== undefined && { AccountId: fresh.accountId }),
      },
    };
    // Under the entry's lock, and never over a newer entry another process wrote meanwhile.
    // Always 0600, as botocore's JSONFileCache (mkstemp + replace).
    const newer = (text: string | undefined) => cacheExpiry(safeParse(text)?.Credentials?.Expiration) > (fresh.expiration?.getTime() ?? Number.POSITIVE_INFINITY);
    const write = (text: string | undefined) => (newer(text) ? undefined : JSON.stringify(entry));
    await updateFile(file, write, { keepExistingMode: false, maxBytes: TOKEN_FILE_MAX_BYTES }).catch((error: unknown) => {
      // A cache that cannot be written costs a later STS call, never this resolution.
      options.logger.warn(`assume-role: could not write the cache entry ${file}: ${(error as Error).message}`);
    });
    return fresh;
  };
}
