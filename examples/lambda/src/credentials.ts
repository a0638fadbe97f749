import type { ProviderContextInit } from "@credchain/core";
import { chain, link } from "@credchain/chain/compose";
import { fromContainerMetadata } from "@credchain/provider-container";
import { fromEnv } from "@credchain/provider-env";
import { fromInstanceMetadata } from "@credchain/provider-imds";
import { withRefresh, type RefreshingProvider } from "@credchain/refresh-manager";

/**
 * The Lambda chain: env (what Lambda sets for the execution role), then the container endpoint
 * (Lambda SnapStart and ECS set AWS_CONTAINER_CREDENTIALS_FULL_URI), then EC2 instance metadata;
 * cached and refreshed before expiry. No ini, process or boto files: a Lambda has no ~/.aws, and
 * leaving them out keeps the bundle small.
 *
 * @example
 * ```ts
 * const credentials = lambdaCredentials();
 * const { accessKeyId, source } = await credentials();
 * ```
 */
export function lambdaCredentials(init: ProviderContextInit = {}): RefreshingProvider {
  return withRefresh(
    chain(link("env", fromEnv(init)), link("container-role", fromContainerMetadata(init)), link("iam-role", fromInstanceMetadata(init))),
    init.now ? { now: init.now } : {},
  );
}
