import { resolveDirectContext } from "@credchain/core/http";
import type { RemoteProviderInit } from "./from-container-metadata.js";
import { lazyProvider } from "./lazy.js";
import { profileLoader } from "./profile-layer.js";
import { remoteNumbers } from "./remote-options.js";
import type { AwsCredentialProvider } from "./types.js";

/**
 * The AWS SDK's `fromInstanceMetadata`: the EC2 instance role from IMDS, with botocore's answers
 * (`@credchain/provider-imds`): IMDSv2 first (IMDSv1 only where botocore falls back, never with
 * `ec2MetadataV1Disabled`), the extended path with `accountId`, AWS_EC2_METADATA_DISABLED
 * honoured, and expiring credentials served a while longer when IMDS is down (static
 * stability). The profile's IMDS settings (`ec2_metadata_v1_disabled`, the endpoint, timeout,
 * attempts) apply, read from the shared files on the first call. `timeout` and `maxRetries` keep
 * the SDK's meaning and win over env and the profile.
 *
 * @example
 * ```ts
 * import { fromInstanceMetadata } from "@credchain/credential-providers";
 *
 * const credentials = fromInstanceMetadata({ timeout: 1000, maxRetries: 2 });
 * ```
 */
export function fromInstanceMetadata(init: RemoteProviderInit = {}): AwsCredentialProvider {
  const numbers = remoteNumbers("fromInstanceMetadata", init);
  const ctx = resolveDirectContext(init);
  return lazyProvider(async () => {
    const { settings } = await profileLoader(ctx, {})(init.profile);
    return (await import("./load-imds.js")).fromInstanceMetadata({ ...init, ...numbers, v1Disabled: init.ec2MetadataV1Disabled, profileSettings: settings });
  });
}
