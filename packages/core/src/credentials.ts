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

export type CredentialSource = (typeof CREDENTIAL_SOURCES)[number];

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

const REDACTED = "[redacted]";
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `****************WXYZ`, as `aws configure list` shows an access key. */
export function maskAccessKeyId(accessKeyId: string): string {
  return "*".repeat(Math.max(accessKeyId.length - 4, 4)) + accessKeyId.slice(-4);
}

/** The plain fields, in the order they are written. */
const FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "accountId", "source"] as const;

/** What credentials look like in logs: no secret, no token, the key id masked. */
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
 */
export function createCredentials(init: CredentialsInit): Credentials {
  const creds = exportCredentials(init as Credentials) as Credentials;
  const redacted = { value: () => describeCredentials(creds) };
  return Object.defineProperties(creds, { toJSON: redacted, [INSPECT]: redacted });
}

/** The plain fields, secrets included, absent ones left out: for code that must hand credentials on (export, env). */
export function exportCredentials(c: Credentials): CredentialsInit {
  return Object.fromEntries(FIELDS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])) as unknown as CredentialsInit;
}
