import { CredchainError } from "./errors.js";

/**
 * Where credentials came from, named as botocore names its providers' METHOD, so a credchain
 * answer and a botocore answer can be compared word for word.
 */
export const CREDENTIAL_SOURCES = [
  "explicit",
  "env",
  "assume-role",
  "assume-role-with-web-identity",
  "sso",
  "shared-credentials-file",
  "login",
  "custom-process",
  "config-file",
  "ec2-credentials-file",
  "boto-config",
  "container-role",
  "iam-role",
] as const;

/**
 * Sources outside botocore's chain: providers only the AWS SDK has, which
 * `@credchain/credential-providers` offers under the SDK's names (`fromCognitoIdentity`).
 */
export const SDK_ONLY_SOURCES = ["cognito-identity"] as const;

export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number] | (typeof SDK_ONLY_SOURCES)[number];

/** Structurally the AWS SDK v3 `AwsCredentialIdentity`, plus where it came from. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
  readonly accountId?: string;
  readonly source: CredentialSource;
}

export interface ProviderCallOptions {
  signal?: AbortSignal;
  forceRefresh?: boolean;
}

/** Assignable to the AWS SDK v3 `credentials` client option. */
export type CredentialProvider = (options?: ProviderCallOptions) => Promise<Credentials>;

export interface CredentialsInit {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
  accountId?: string | undefined;
  source: CredentialSource;
}

/** The text fields of credentials, each checked for control characters by {@link createCredentials}. */
export type CredentialField = "accessKeyId" | "secretAccessKey" | "sessionToken" | "accountId";

/**
 * Where a provider's credentials came from, for the error when one is refused: each field's own
 * name at the source (`AWS_SECRET_ACCESS_KEY`, `SecretAccessKey`, `aws_secret_access_key`;
 * default: credchain's field name), where in the source (`profile "dev" in ~/.aws/credentials`),
 * and the file and profile for the error's fields.
 */
export type CredentialsOrigin = { [K in CredentialField]?: string | undefined } & {
  where?: string | undefined;
  file?: string | undefined;
  profile?: string | undefined;
};

/**
 * The fields as AWS APIs name them (STS, IMDS and container answers but `Token`), as
 * credential_process prints them and the AWS CLI's caches store them: an origin to spread.
 */
export const AWS_API_FIELD_NAMES = {
  accessKeyId: "AccessKeyId",
  secretAccessKey: "SecretAccessKey",
  sessionToken: "SessionToken",
  accountId: "AccountId",
} as const satisfies CredentialsOrigin;

// Module constants side by side: a bundler declares them in one statement.
const REDACTED = "[redacted]";
const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom");
/** The plain fields, in the order they are written. */
const FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "accountId", "source"] as const;

// Inherited (class methods: not enumerable) rather than defined on each object, which cost a
// resolution ~3 µs.
class Redacting {
  toJSON() {
    return describeCredentials(this as unknown as Credentials);
  }
  [INSPECT]() {
    return describeCredentials(this as unknown as Credentials);
  }
}

/**
 * `****************WXYZ`, as `aws configure list` shows an access key.
 *
 * @example
 * ```ts
 * maskAccessKeyId("AKIAIOSFODNN7EXAMPLE"); // "****************MPLE"
 * ```
 */
export function maskAccessKeyId(accessKeyId: string): string {
  return "*".repeat(Math.max(accessKeyId.length - 4, 4)) + accessKeyId.slice(-4);
}

/**
 * What credentials look like in logs: no secret, no token, the key id masked.
 *
 * @example
 * ```ts
 * console.log(describeCredentials(await provider()));
 * // { source: "env", accessKeyId: "****************MPLE", secretAccessKey: "[redacted]" }
 * ```
 */
export function describeCredentials(c: Credentials): Record<string, unknown> {
  // `source` first; the spread keeps that position and fills in the rest in order.
  const out: Record<string, unknown> = { source: c.source, ...(exportCredentials(c) as object), accessKeyId: maskAccessKeyId(c.accessKeyId), secretAccessKey: REDACTED };
  if ("sessionToken" in out) out.sessionToken = REDACTED;
  if (c.expiration) out.expiration = c.expiration.toISOString();
  return out;
}

/**
 * Builds a credentials object whose `JSON.stringify` and `util.inspect` never show the secret
 * or the token. Spreading it (as the AWS SDK does) copies only the plain fields.
 *
 * Every provider's credentials pass through here, so here they are checked: a field holding a
 * control character (C0 such as CR and LF, DEL, C1) is refused with `CredentialRetrieval` (the
 * chain stops) naming the source and the field as `origin` names it, never the value. No real
 * key, secret, token or account id holds one; CR or LF in a signed header would split it.
 *
 * @example
 * ```ts
 * const creds = createCredentials({ accessKeyId, secretAccessKey, source: "env" }, { secretAccessKey: "AWS_SECRET_ACCESS_KEY" });
 * ```
 */
export function createCredentials(init: CredentialsInit, origin: CredentialsOrigin = {}): Credentials {
  const creds = exportCredentials(init as Credentials, new Redacting() as unknown as Record<string, unknown>) as Credentials;
  // Strings only: testing the Date would format it (~1 µs) for nothing.
  let key: string | undefined = FIELDS.find((k) => typeof creds[k] == "string" && /[\0-\x1f\x7f-\x9f]/.test(creds[k]));
  if (key) {
    key = origin[key as CredentialField] ?? key;
    throw new CredchainError({
      code: "CredentialRetrieval",
      message: `${init.source}: ${key}${origin.where ? ` in ${origin.where}` : ""} contains a control character (such as CR or LF)`,
      source: init.source,
      key,
      ...origin,
    });
  }
  return creds;
}

/**
 * The plain fields, secrets included, absent ones left out: for code that must hand credentials
 * on (export, env).
 *
 * @example
 * ```ts
 * const { accessKeyId, secretAccessKey, sessionToken } = exportCredentials(await provider());
 * ```
 */
export function exportCredentials(c: Credentials, out: Record<string, unknown> = {}): CredentialsInit {
  for (const k of FIELDS) if (c[k] !== undefined) out[k] = c[k];
  return out as unknown as CredentialsInit;
}
