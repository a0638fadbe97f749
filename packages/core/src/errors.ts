import type { CredentialSource } from "./credentials.js";

/**
 * Every error code credchain raises, named after botocore's exception class without the
 * `Error` suffix. Each has a line of documentation; a test checks none is left undocumented.
 */
export const ERROR_CODES = {
  NoCredentials: "No provider found credentials (botocore: get_credentials() returns None).",
  PartialCredentials: "Some but not all of a key pair is configured (e.g. an access key without its secret).",
  ProfileNotFound: "The selected profile does not exist in the config or credentials file.",
  InvalidConfig: "A configuration value is present but unusable (bad value, conflicting keys, an unknown credential_source).",
  InfiniteLoopConfig: "Profiles refer to each other in a loop (source_profile chains).",
  CredentialRetrieval: "A configured provider failed to produce credentials (process failed, bad output).",
  ConfigParse: "A config or credentials file could not be parsed.",
  ConfigNotFound: "A config file that was named explicitly does not exist.",
  MetadataRetrieval: "The instance metadata or container endpoint failed or answered garbage.",
  SSOTokenLoad: "The SSO token cache could not be read or has no valid token.",
  UnauthorizedSSOToken: "The SSO portal rejected the cached token.",
  TokenRetrieval: "A token (IMDSv2, SSO-OIDC) could not be obtained.",
  NoRegion: "A region is required and none is configured.",
  UnknownCredential: "A credential provider was asked for by a name the chain does not have (botocore: CredentialResolver.get_provider); an unknown credential_source is InvalidConfig.",
  LockTimeout: "Another process held the lock of a file credchain writes (<file>.lock) past the wait; not a botocore error (botocore does not lock).",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** What a provider looked at before it gave up: shown by `explain` and in NoCredentials. */
export interface LookedAt {
  envVars?: string[];
  files?: string[];
  profile?: string;
  note?: string;
}

export interface CredchainErrorOptions {
  code: ErrorCode;
  message: string;
  source?: CredentialSource | undefined;
  /** True only for "not here, try the next provider". */
  tryNextLink?: boolean;
  cause?: unknown;
  file?: string | undefined;
  profile?: string | undefined;
  key?: string | undefined;
  status?: number | undefined;
  profiles?: string[] | undefined;
  lookedAt?: LookedAt | undefined;
  attempts?: ChainAttempt[] | undefined;
}

/** One provider's outcome in a chain, as kept on a NoCredentials error and in explain traces. */
export interface ChainAttempt {
  source: string;
  outcome: "skipped" | "used" | "failed";
  reason: string;
  code?: ErrorCode;
  lookedAt?: LookedAt;
}

const BRAND = Symbol.for("credchain.error");
/** The fields copied from the options when set, in the order they are set (and toJSON writes them). */
const FIELDS = ["code", "tryNextLink", "source", "file", "profile", "key", "status", "profiles", "lookedAt", "attempts"] as const;

/**
 * The one error class of credchain. Messages name the file, profile and key at fault and never
 * contain a secret.
 *
 * @example
 * ```ts
 * try {
 *   await provider();
 * } catch (error) {
 *   if (CredchainError.isInstance(error) && error.code === "ProfileNotFound") console.error(`no profile ${error.profile}`);
 * }
 * ```
 */
export class CredchainError extends Error {
  // `declare`: assigned in one loop below, so no class-field code per property in bundles.
  declare readonly code: ErrorCode;
  declare readonly source: CredentialSource | undefined;
  declare readonly tryNextLink: boolean;
  declare readonly file: string | undefined;
  declare readonly profile: string | undefined;
  declare readonly key: string | undefined;
  declare readonly status: number | undefined;
  declare readonly profiles: string[] | undefined;
  declare readonly lookedAt: LookedAt | undefined;
  declare readonly attempts: ChainAttempt[] | undefined;

  constructor(options: CredchainErrorOptions) {
    // The options are Error's options too: `cause` is read from them when set.
    super(options.message, options.cause === undefined ? undefined : options);
    // Only the fields that are set become own properties: util.inspect shows no row of undefined.
    for (const k of FIELDS) if (options[k] !== undefined) (this as Record<string, unknown>)[k] = options[k];
  }

  /** True for a CredchainError from any copy of this package (the brand is on the prototype). */
  static isInstance(value: unknown): value is CredchainError {
    return (value as Record<symbol, unknown> | null)?.[BRAND] === true;
  }

  static {
    // On the prototype, out of util.inspect's way: the name, the default of tryNextLink, and the
    // brand (a spread copy of an error is not one).
    Object.assign(this.prototype, { name: "CredchainError", tryNextLink: false, [BRAND]: true });
  }

  /** Name, code, message and the fields that are set (the own enumerable properties). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, ...(this as object) };
  }
}


/**
 * The "not here, try the next provider" outcome (botocore's provider returning None).
 *
 * @example
 * ```ts
 * if (!token) throw notFound("env", "MY_TOKEN is not set", { env: ["MY_TOKEN"] });
 * ```
 */
export function notFound(source: CredentialSource, reason: string, lookedAt?: LookedAt): CredchainError {
  return new CredchainError({ code: "NoCredentials", message: reason, source, tryNextLink: true, lookedAt });
}

/**
 * Whether a chain moves on after this error: decided here and nowhere else.
 *
 * @example
 * ```ts
 * try { return await provider(); } catch (error) { if (!shouldTryNext(error)) throw error; }
 * ```
 */
export function shouldTryNext(error: unknown): boolean {
  return CredchainError.isInstance(error) && error.tryNextLink;
}
