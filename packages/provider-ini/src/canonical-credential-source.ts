import { CredchainError } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import { CREDENTIAL_SOURCE_NAMES, type CredentialSourceName, type CredentialSourcePlan } from "./credential-plan.js";

/**
 * The canonical name botocore's CanonicalNameCredentialSourcer finds for a `credential_source`
 * name, matching in any case (`environment` → `Environment`); any other name is InvalidConfig.
 * (botocore validates a profile's `credential_source` exactly first: {@link planProfile} does.)
 *
 * @example
 * ```ts
 * canonicalCredentialSource("ec2instancemetadata"); // "Ec2InstanceMetadata"
 * ```
 */
export function canonicalCredentialSource(name: string, profile?: string): CredentialSourceName {
  const canonical = CREDENTIAL_SOURCE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase());
  if (canonical) return canonical;
  throw new CredchainError({
    code: "InvalidConfig",
    message: `credential_source "${showName(name)}"${profile === undefined ? "" : ` in profile "${showName(profile)}"`} is not one of ${CREDENTIAL_SOURCE_NAMES.join(", ")}`,
    profile,
    key: "credential_source",
  });
}

/**
 * botocore's CredentialRetrievalError when the provider a profile's `credential_source` names
 * finds nothing (no env keys, no container endpoint, no instance role).
 *
 * @example
 * ```ts
 * throw credentialSourceFoundNothing({ kind: "credential-source", profile: "dev", name: "Environment" }, notFoundError);
 * ```
 */
export function credentialSourceFoundNothing(plan: CredentialSourcePlan, cause: unknown): CredchainError {
  return new CredchainError({
    code: "CredentialRetrieval",
    message: `Error when retrieving credentials from ${plan.name}: No credentials found in credential_source referenced in profile ${showName(plan.profile)}`,
    source: "assume-role",
    profile: plan.profile,
    cause,
  });
}
