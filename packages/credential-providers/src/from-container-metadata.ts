import { lazyProvider } from "./lazy.js";
import { remoteNumbers } from "./remote-options.js";
import type { AwsCredentialProvider, CredentialProviderOptions } from "./types.js";

/** The SDK's `RemoteProviderInit`: the options of `fromContainerMetadata` and `fromInstanceMetadata`. */
export interface RemoteProviderInit extends CredentialProviderOptions {
  /** Milliseconds per request. Default: 2000 for the container endpoint, 1000 for IMDS (botocore's). */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default: 2 for the container endpoint (botocore's 3 attempts); IMDS: AWS_METADATA_SERVICE_NUM_ATTEMPTS, else 0. */
  maxRetries?: number | undefined;
  /** IMDS only: never fall back to IMDSv1. Default: AWS_EC2_METADATA_V1_DISABLED, else the profile's `ec2_metadata_v1_disabled`. */
  ec2MetadataV1Disabled?: boolean | undefined;
  /** IMDS only: the profile whose IMDS settings apply. Default: AWS_DEFAULT_PROFILE, AWS_PROFILE, `default`. */
  profile?: string | undefined;
}

/**
 * The AWS SDK's `fromContainerMetadata`: the ECS task role or EKS Pod Identity endpoint named by
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI, with
 * botocore's answers (`@credchain/provider-container`): AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
 * is read as well as AWS_CONTAINER_AUTHORIZATION_TOKEN, the full URI may name any host botocore
 * allows (HTTPS, loopback, the ECS and EKS hosts), and `accountId` comes from the answer. Neither
 * variable set: "not here" (`tryNextLink`). `timeout` and `maxRetries` keep the SDK's meaning;
 * unset, botocore's 2 s and 3 attempts apply.
 *
 * @example
 * ```ts
 * import { fromContainerMetadata } from "@credchain/credential-providers";
 *
 * const credentials = fromContainerMetadata({ timeout: 1000, maxRetries: 1 });
 * ```
 */
export function fromContainerMetadata(init: RemoteProviderInit = {}): AwsCredentialProvider {
  const numbers = remoteNumbers("fromContainerMetadata", init);
  return lazyProvider(async () => (await import("./load-container.js")).fromContainerMetadata({ ...init, ...numbers }));
}
