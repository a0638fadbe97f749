import { createCredentials, CredchainError, parseTimestamp, type Credentials } from "@credchain/core";

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
 * `SecretAccessKey` required, `SessionToken`, `Expiration` (ISO 8601 with a zone) and
 * `AccountId` optional, JSON `null` counting as absent. Throws `CredentialRetrieval` otherwise;
 * the message names the key at fault and never quotes the output.
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
  const accountId = optionalString(doc, "AccountId", fail) || options.accountId || undefined;
  const expirationText = optionalString(doc, "Expiration", fail);
  const expiration = expirationText === undefined ? undefined : parseExpiration(expirationText, fail);

  return createCredentials({ accessKeyId, secretAccessKey, sessionToken, expiration, accountId, source: SOURCE });
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

/** A zone after a time of day: `Z`, `+02:00`, `-0500`, ` UTC`, ` GMT`. */
const ZONE_AFTER_TIME = /\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$/i;

function parseExpiration(text: string, fail: Fail): Date {
  const date = parseTimestamp(text);
  // botocore's dateutil raises ParserError here.
  if (date === undefined) throw fail("Expiration in the process output is not a date", "Expiration");
  // dateutil leaves a zone-less time naive, and botocore then fails comparing it with an aware
  // "now" (TypeError). Refuse it here, where the message can say why.
  if (!ZONE_AFTER_TIME.test(text.trim())) {
    throw fail("Expiration in the process output has no time zone (use ISO 8601 with Z or an offset)", "Expiration");
  }
  return date;
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
  return profile === undefined ? "" : ` (credential_process of profile "${profile}")`;
}
