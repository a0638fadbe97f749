import type { Credentials, Logger, ProviderCallOptions, ProviderContextInit } from "@credchain/core";

/** A value, or a function giving it (the AWS SDK's `Provider<T>`), as client configs hold regions. */
export type ValueOrProvider<T> = T | (() => Promise<T> | T);

/**
 * Credentials as the AWS SDK v3 returns them (`AwsCredentialIdentity`: `accessKeyId`,
 * `secretAccessKey`, `sessionToken`, `expiration`, `credentialScope`, `accountId`), plus
 * credchain's `source`. `JSON.stringify` and `util.inspect` never show the secret or the token.
 */
export interface AwsCredentials extends Credentials {
  /** The scope the credentials are for, where the source names one (`AWS_CREDENTIAL_SCOPE`, `aws_credential_scope`, `CredentialScope`). */
  readonly credentialScope?: string;
}

/** Credentials of a Cognito identity: the identity they were issued for, as the AWS SDK adds it. */
export interface CognitoIdentityCredentials extends AwsCredentials {
  readonly identityId: string;
}

/**
 * What an AWS SDK client passes to the provider it holds as `credentials` (the SDK's
 * `AwsIdentityProperties`): its own resolved config, whose region and profile the STS and Cognito
 * providers follow.
 */
export interface AwsIdentityProperties {
  callerClientConfig?: {
    region?: ValueOrProvider<string | undefined> | undefined;
    profile?: string | undefined;
    logger?: Logger | undefined;
    [key: string]: unknown;
  };
}

/** A provider's argument: the SDK's identity properties and credchain's call options (`signal`, `forceRefresh`). */
export type ProviderArgs = AwsIdentityProperties & ProviderCallOptions;

/** A provider as the AWS SDK calls it: assignable to any v3 client's `credentials`. */
export type AwsCredentialProvider<T extends AwsCredentials = AwsCredentials> = (props?: ProviderArgs) => Promise<T>;

/**
 * What every function takes: the SDK's `logger` (its `debug` and `warn`), and credchain's
 * context — `env`, `homedir`, `readFile`, `now`, `transport` — which default to the process's
 * and which tests replace.
 */
export interface CredentialProviderOptions extends ProviderContextInit {
  /** The SDK's logger (any object with `debug` and `warn`): credchain's debug lines and warnings, never a secret. */
  logger?: Logger | undefined;
  /** The SDK's internal config of an outer client: its region and profile count as the caller's. */
  parentClientConfig?: { region?: ValueOrProvider<string | undefined> | undefined; profile?: string | undefined; [key: string]: unknown } | undefined;
}

/** The SDK's shared-file options (`SourceProfileInit`). */
export interface SharedFileOptions {
  /** The profile. Default: the calling client's profile, else AWS_DEFAULT_PROFILE, AWS_PROFILE, `default`. */
  profile?: string | undefined;
  /** The credentials file. Default: AWS_SHARED_CREDENTIALS_FILE, else `~/.aws/credentials`. */
  filepath?: string | undefined;
  /** The config file. Default: AWS_CONFIG_FILE, else `~/.aws/config`. */
  configFilepath?: string | undefined;
  /** Read the files again on every call instead of once per provider. Default: false. */
  ignoreCache?: boolean | undefined;
}

/**
 * The part of an SDK client config (`STSClientConfig`, `CognitoIdentityClientConfig`, …) that
 * credchain's own clients honour. Any other key is refused with `InvalidConfig`, never ignored.
 */
export interface ClientConfig {
  /** The region of the inner client: wins over the calling client's, env and the profile. */
  region?: ValueOrProvider<string | undefined> | undefined;
  /** The profile whose settings (region, endpoints) the inner client reads. */
  profile?: string | undefined;
  /** Attempts in all. Default: env AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else the service's. */
  maxAttempts?: ValueOrProvider<number | undefined> | undefined;
  /** A custom endpoint URL: wins over AWS_ENDPOINT_URL_* and the config file. */
  endpoint?: string | URL | { url: string | URL } | undefined;
  useFipsEndpoint?: boolean | undefined;
  useDualstackEndpoint?: boolean | undefined;
  /** The client's logger; the provider's `logger` wins. */
  logger?: Logger | undefined;
  [key: string]: unknown;
}
