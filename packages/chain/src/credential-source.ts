import { CredchainError, type CredentialProvider, type ProviderContextInit } from "@credchain/core";
import type { ContainerMetadataInit } from "@credchain/provider-container";
import type { InstanceMetadataInit } from "@credchain/provider-imds";
import { lazy } from "./lazy.js";

/** botocore's canonical names for `credential_source`. */
export const CREDENTIAL_SOURCE_NAMES = ["Environment", "Ec2InstanceMetadata", "EcsContainer"] as const;
export type CredentialSourceName = (typeof CREDENTIAL_SOURCE_NAMES)[number];

export interface CredentialSourceInit extends ProviderContextInit {
  container?: Omit<ContainerMetadataInit, keyof ProviderContextInit>;
  imds?: Omit<InstanceMetadataInit, keyof ProviderContextInit>;
  /** For messages: the profile that names the source. */
  profile?: string;
}

/**
 * The provider behind a profile's `credential_source` (botocore's CanonicalNameCredentialSourcer):
 * `Environment`, `Ec2InstanceMetadata` or `EcsContainer`. Names match case-insensitively, as in
 * botocore; any other name is `InvalidConfig`.
 *
 * @example
 * ```ts
 * import { credentialSourceProvider } from "@credchain/chain";
 *
 * const source = credentialSourceProvider("Ec2InstanceMetadata");
 * ```
 */
export function credentialSourceProvider(name: string, init: CredentialSourceInit = {}): CredentialProvider {
  const canonical = CREDENTIAL_SOURCE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  const { container, imds, profile, ...ctx } = init;
  switch (canonical) {
    case "Environment":
      return lazy(async () => (await import("@credchain/provider-env")).fromEnv(ctx));
    case "Ec2InstanceMetadata":
      return lazy(async () => (await import("@credchain/provider-imds")).fromInstanceMetadata({ ...ctx, ...imds }));
    case "EcsContainer":
      return lazy(async () => (await import("@credchain/provider-container")).fromContainerMetadata({ ...ctx, ...container }));
    default:
      throw new CredchainError({
        code: "InvalidConfig",
        message: `credential_source "${name}"${profile === undefined ? "" : ` in profile "${profile}"`} is not one of ${CREDENTIAL_SOURCE_NAMES.join(", ")}`,
        profile,
        key: "credential_source",
      });
  }
}
