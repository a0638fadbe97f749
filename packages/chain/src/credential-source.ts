import type { CredentialProvider, ProviderContextInit } from "@credchain/core/local";
import type { ContainerMetadataInit } from "@credchain/provider-container";
import type { InstanceMetadataInit } from "@credchain/provider-imds";
import { fromEnv } from "@credchain/provider-env";
import { canonicalCredentialSource, CREDENTIAL_SOURCE_NAMES, type CredentialSourceName } from "@credchain/provider-ini/shared-config";
import { lazy } from "./lazy.js";

export { CREDENTIAL_SOURCE_NAMES, type CredentialSourceName };

// One loader each, so a bundle names each chunk once (the default chain's links use them too).
export const loadImds = () => import("./load-imds.js");
const loadContainer = () => import("./load-container.js");

export interface CredentialSourceInit extends ProviderContextInit {
  container?: Omit<ContainerMetadataInit, keyof ProviderContextInit>;
  imds?: Omit<InstanceMetadataInit, keyof ProviderContextInit>;
  /** For messages: the profile that names the source. */
  profile?: string;
}

/**
 * The provider behind a credential source name (botocore's CanonicalNameCredentialSourcer):
 * `Environment`, `Ec2InstanceMetadata` or `EcsContainer`. Names match case-insensitively, as in
 * botocore's lookup; any other name is `InvalidConfig`. (A profile's name is first validated
 * exactly, as botocore does: provider-ini's plan.)
 *
 * @example
 * ```ts
 * import { credentialSourceProvider } from "@credchain/chain";
 *
 * const source = credentialSourceProvider("Ec2InstanceMetadata");
 * ```
 */
export function credentialSourceProvider(name: string, init: CredentialSourceInit = {}): CredentialProvider {
  const { container, imds, profile, ...ctx } = init;
  switch (canonicalCredentialSource(name, profile)) {
    case "Environment":
      return fromEnv(ctx);
    case "Ec2InstanceMetadata":
      return lazy(async () => (await loadImds()).fromInstanceMetadata({ ...ctx, ...imds }));
    case "EcsContainer":
      return lazy(async () => (await loadContainer()).fromContainerMetadata({ ...ctx, ...container }));
  }
}
