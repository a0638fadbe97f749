import { CredchainError, createCredentials, type Credentials, type CredentialSource } from "@credchain/core";
import type { AwsCredentials } from "./types.js";

const CONTROL = /[\0-\x1f\x7f-\x9f]/;

/**
 * Credentials with the SDK's `credentialScope` added, kept redacted as credchain's are (the copy
 * shares their prototype); unchanged when there is no scope. A scope with a control character is
 * refused as any other credential field is.
 *
 * @example
 * ```ts
 * withCredentialScope(await fromEnv()(), process.env.AWS_CREDENTIAL_SCOPE).credentialScope;
 * ```
 */
export function withCredentialScope<T extends Credentials>(credentials: T, scope: string | undefined, where: string = credentials.source): T & AwsCredentials {
  if (!scope) return credentials;
  if (CONTROL.test(scope)) {
    throw new CredchainError({ code: "CredentialRetrieval", source: credentials.source, key: "credentialScope", message: `${where}: the credential scope contains a control character (such as CR or LF)` });
  }
  return Object.assign(Object.create(Object.getPrototypeOf(credentials) as object) as T, credentials, { credentialScope: scope });
}

/** The SDK's credential shape, as code given to the SDK's options returns it. */
export interface SdkCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
  credentialScope?: string | undefined;
  accountId?: string | undefined;
}

/**
 * Credentials from code written for the AWS SDK (a `roleAssumer`, `masterCredentials`) as
 * credchain's: checked (strings, a Date, no control characters), redacted, with `source`. What is
 * not credentials is `CredentialRetrieval` naming `what`.
 *
 * @example
 * ```ts
 * const creds = fromSdkCredentials(await roleAssumer(source, params), "assume-role", "roleAssumer");
 * ```
 */
export function fromSdkCredentials(value: unknown, source: CredentialSource, what: string): AwsCredentials {
  const c = value as Partial<SdkCredentialIdentity> | null | undefined;
  const bad = (detail: string) => new CredchainError({ code: "CredentialRetrieval", source, message: `${what} returned ${detail}` });
  if (typeof c !== "object" || c === null) throw bad("no credentials object");
  if (typeof c.accessKeyId !== "string" || typeof c.secretAccessKey !== "string" || !c.accessKeyId || !c.secretAccessKey) throw bad("credentials without accessKeyId and secretAccessKey");
  if (c.expiration !== undefined && !(c.expiration instanceof Date && !Number.isNaN(c.expiration.getTime()))) throw bad("an expiration that is not a valid Date");
  const creds = createCredentials(
    { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken || undefined, expiration: c.expiration, accountId: c.accountId || undefined, source },
    { where: `the credentials ${what} returned` },
  );
  return withCredentialScope(creds, c.credentialScope, `the credentials ${what} returned`);
}
