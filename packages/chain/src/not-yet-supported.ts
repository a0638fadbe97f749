import { CredchainError, notFound, type CredentialProvider, type CredentialSource, type Env } from "@credchain/core";
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

export function assumeRolePlaceholder(profileName: string, profile: Profile): CredentialProvider {
  // botocore leaves role_arn profiles with web_identity_token_file to the web identity provider.
  const uses = has(profile, "role_arn") && !has(profile, "web_identity_token_file");
  return placeholder("assume-role", profileName, uses ? `profile "${profileName}" sets role_arn` : undefined, `profile "${profileName}" has no role_arn`);
}

export function webIdentityPlaceholder(profileName: string, profile: Profile, env: Env, envDisabled: boolean): CredentialProvider {
  let trigger: string | undefined;
  if (has(profile, "web_identity_token_file")) trigger = `profile "${profileName}" sets web_identity_token_file`;
  else if (!envDisabled && env.AWS_WEB_IDENTITY_TOKEN_FILE) trigger = "AWS_WEB_IDENTITY_TOKEN_FILE is set";
  return placeholder(
    "assume-role-with-web-identity",
    profileName,
    trigger,
    `neither AWS_WEB_IDENTITY_TOKEN_FILE nor web_identity_token_file in profile "${profileName}" is set`,
  );
}

export function loginPlaceholder(profileName: string, profile: Profile): CredentialProvider {
  const uses = has(profile, "login_session");
  return placeholder("login", profileName, uses ? `profile "${profileName}" sets login_session` : undefined, `profile "${profileName}" has no login_session`);
}
