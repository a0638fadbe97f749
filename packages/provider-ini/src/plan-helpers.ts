import { CredchainError, type CredentialSource } from "@credchain/core/local";
import { sectionText, showName } from "@credchain/core/internal";
import type { InvalidPlan, SkippedProvider } from "./credential-plan.js";
import type { Profile, SharedConfig } from "./load-shared-config.js";

/** The carried form of an error botocore raises when the provider is reached. */
export function invalidPlan(method: CredentialSource, profile: string, error: unknown, skipped: SkippedProvider[] = []): InvalidPlan {
  if (!CredchainError.isInstance(error)) throw error;
  return { kind: "invalid", method, profile, skipped, error };
}

/** The profile's keys (both files merged, as botocore's full_config); `{}` for one that does not exist. */
export function profileOf(config: SharedConfig, name: string): Profile {
  return Object.hasOwn(config.profiles, name) ? config.profiles[name]! : {};
}

/** The value of a key of the merged profile; a sub-section there is InvalidConfig naming the key. */
export function profileText(config: SharedConfig, name: string, key: string, method: CredentialSource): string | undefined {
  const file = config.configFile.path;
  return sectionText(profileOf(config, name), key, { source: method, file, fileLabel: file, section: `profile "${showName(name)}"`, profile: name });
}
