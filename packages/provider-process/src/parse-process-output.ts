import { createCredentials, CredchainError, parseTimestamp, type Credentials } from "@credchain/core/local";
import { AWS_API_FIELD_NAMES, NOT_A_TIMESTAMP, showName } from "@credchain/core/internal";

const SOURCE = "custom-process";
/** botocore's CredentialRetrievalError wording, so messages read the same. */
export const RETRIEVAL_PREFIX = "Error when retrieving credentials from custom-process: ";

export interface ParseProcessOutputOptions {
  /** The profile whose credential_process ran, for messages. */
  profile?: string | undefined;
  /**
   * The profile's `aws_account_id`: used when the output has no (or an empty) AccountId, as
   * botocore's `account_id or profile_config.get('aws_account_id')`.
   */
  accountId?: string | undefined;
}

/**
 * Reads what a credential_process printed, with botocore's rules: a JSON object whose `Version`
 * equals 1 (Python equality: `1`, `1.0` and `true` pass, `"1"` does not), `AccessKeyId` and
 * `SecretAccessKey` required, `SessionToken`, `Expiration` (ISO 8601 with a zone, see
 * `parseTimestamp`) and `AccountId` optional, JSON `null` counting as absent; no value may hold a
 * control character. Throws `CredentialRetrieval` otherwise; the message names the key at fault
 * and never quotes the output.
 *
 * @example
 * ```ts
 * const creds = parseProcessOutput('{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "s"}');
 * creds.accessKeyId; // "AKID"
 * creds.source; // "custom-process"
 * ```
 */
export function parseProcessOutput(stdout: string, options: ParseProcessOutputOptions = {}): Credentials {
  const fail = (message: string, key?: string) =>
    new CredchainError({
      code: "CredentialRetrieval",
      message: RETRIEVAL_PREFIX + message + where(options.profile),
      source: SOURCE,
      profile: options.profile,
      key,
    });

  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    // Never quote the output nor keep JSON.parse's error (it quotes it): it may be half a secret.
    throw fail(stdout.trim() === "" ? "the process printed nothing (JSON expected)" : "the process output is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw fail(`the process output is JSON but not an object (${Array.isArray(parsed) ? "an array" : parsed === null ? "null" : `a ${typeof parsed}`})`);
  }
  const doc = parsed as Record<string, unknown>;

  // Python's `version != 1`: 1.0 and True equal 1; the string "1" does not.
  const version = doc.Version;
  if (version !== 1 && version !== true) {
    throw fail(`Unsupported version '${showVersion(version)}' for credential process provider, supported versions: 1`, "Version");
  }

  const accessKeyId = requiredString(doc, "AccessKeyId", fail);
  const secretAccessKey = requiredString(doc, "SecretAccessKey", fail);
  const sessionToken = optionalString(doc, "SessionToken", fail);
  const ownAccountId = optionalString(doc, "AccountId", fail);
  const expirationText = optionalString(doc, "Expiration", fail);
  const expiration = expirationText === undefined ? undefined : parseTimestamp(expirationText);
  // botocore's dateutil raises ParserError on junk; a time without a zone it reads naive, and then
  // fails comparing it with an aware "now" (TypeError). Both are refused here, saying why.
  if (expirationText !== undefined && !expiration) throw fail(`Expiration in the process output ${NOT_A_TIMESTAMP}`, "Expiration");

  return createCredentials(
    { accessKeyId, secretAccessKey, sessionToken, expiration, accountId: ownAccountId || options.accountId || undefined, source: SOURCE },
    { ...AWS_API_FIELD_NAMES, accountId: ownAccountId ? "AccountId" : "aws_account_id", where: `the process output${where(options.profile)}`, profile: options.profile },
  );
}

type Fail = (message: string, key?: string) => CredchainError;

function requiredString(doc: Record<string, unknown>, key: string, fail: Fail): string {
  // botocore indexes these two: a missing key is KeyError, turned into this message.
  if (!Object.hasOwn(doc, key)) throw fail(`Missing required key in response: '${key}'`, key);
  const value = doc[key];
  if (typeof value !== "string") throw fail(`${key} in the process output is ${describe(value)}, not a string`, key);
  return value;
}

function optionalString(doc: Record<string, unknown>, key: string, fail: Fail): string | undefined {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw fail(`${key} in the process output is ${describe(value)}, not a string`, key);
  return value;
}

function showVersion(version: unknown): string {
  // As Python's f-string shows the value: missing key, None, False, numbers, strings unquoted.
  if (version === undefined) return "<Version key not provided>";
  if (version === null) return "None";
  if (version === false) return "False";
  if (typeof version === "string" || typeof version === "number") return String(version);
  return Array.isArray(version) ? "a list" : "an object";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function where(profile: string | undefined): string {
  return profile === undefined ? "" : ` (credential_process of profile "${showName(profile)}")`;
}
