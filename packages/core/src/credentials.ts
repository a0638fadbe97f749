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

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `****************WXYZ`, as `aws configure list` shows an access key. */
export function maskAccessKeyId(accessKeyId: string): string {
  return "*".repeat(Math.max(accessKeyId.length - 4, 4)) + accessKeyId.slice(-4);
}

/** What credentials look like in logs: no secret, no token, the key id masked. */
export function describeCredentials(c: Credentials): Record<string, unknown> {
  const out: Record<string, unknown> = {
    source: c.source,
    accessKeyId: maskAccessKeyId(c.accessKeyId),
    secretAccessKey: "[redacted]",
  };
  if (c.sessionToken !== undefined) out.sessionToken = "[redacted]";
  if (c.expiration !== undefined) out.expiration = c.expiration.toISOString();
  if (c.accountId !== undefined) out.accountId = c.accountId;
  return out;
}

/**
 * Builds a credentials object whose `JSON.stringify` and `util.inspect` never show the secret
 * or the token. Spreading it (as the AWS SDK does) copies only the plain fields.
 */
export function createCredentials(init: CredentialsInit): Credentials {
  const creds: Credentials = {
    accessKeyId: init.accessKeyId,
    secretAccessKey: init.secretAccessKey,
    ...(init.sessionToken !== undefined && { sessionToken: init.sessionToken }),
    ...(init.expiration !== undefined && { expiration: init.expiration }),
    ...(init.accountId !== undefined && { accountId: init.accountId }),
    source: init.source,
  };
  const redacted = () => describeCredentials(creds);
  Object.defineProperty(creds, "toJSON", { value: redacted, enumerable: false });
  Object.defineProperty(creds, INSPECT, { value: redacted, enumerable: false });
  return creds;
}

/** The plain fields, secrets included: for code that must hand credentials on (export, env). */
export function exportCredentials(c: Credentials): CredentialsInit {
  return {
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    ...(c.sessionToken !== undefined && { sessionToken: c.sessionToken }),
    ...(c.expiration !== undefined && { expiration: c.expiration }),
    ...(c.accountId !== undefined && { accountId: c.accountId }),
    source: c.source,
  };
}
