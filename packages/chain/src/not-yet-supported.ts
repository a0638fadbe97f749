import { CredchainError, notFound, type CredentialProvider, type CredentialSource } from "@credchain/core";
import type { Profile } from "@credchain/provider-ini";

/**
 * Providers of botocore's chain that credchain does not implement yet. Each stands in its place
 * in the order: where botocore would use it, the chain stops with a clear error instead of
 * quietly answering with credentials botocore would not have chosen.
 */
function placeholder(source: CredentialSource, profileName: string, trigger: string | undefined, none: string): CredentialProvider {
  return async () => {
    if (trigger === undefined) throw notFound(source, none, { profile: profileName });
    throw new CredchainError({
      code: "InvalidConfig",
      message: `${trigger}: the ${source} provider is not supported by this version of credchain yet`,
      source,
      profile: profileName,
    });
  };
}

const has = (profile: Profile, key: string) => Object.hasOwn(profile, key);

export function loginPlaceholder(profileName: string, profile: Profile): CredentialProvider {
  const uses = has(profile, "login_session");
  return placeholder("login", profileName, uses ? `profile "${profileName}" sets login_session` : undefined, `profile "${profileName}" has no login_session`);
}
