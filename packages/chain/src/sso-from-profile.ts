import { notFound, type CredentialProvider, type ProfileSettings, type ProviderContextInit } from "@credchain/core";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import { fromSso, ssoConfigFromProfile } from "@credchain/provider-sso";

/**
 * botocore's SSOProvider for the selected profile: profiles without sso_account_id and
 * sso_role_name are not here; incomplete or inconsistent SSO settings fail with InvalidConfig
 * when the provider is reached (as botocore raises in load()).
 */
export function ssoFromProfile(
  name: string,
  profile: Profile,
  config: SharedConfig,
  init: ProviderContextInit,
  /** The session's profile settings: its `services` section and `endpoint_url` configure the SSO clients, as in botocore. */
  clientProfile: ProfileSettings,
): CredentialProvider {
  let provider: CredentialProvider | undefined;
  return async (options) => {
    if (!provider) {
      const sso = ssoConfigFromProfile(name, profile, config.configFile.ssoSessions);
      if (sso === undefined) {
        throw notFound("sso", `profile "${name}" has no sso_account_id or sso_role_name`, { profile: name, files: [config.configFile.path] });
      }
      // fromSso notes the cache file and the token's expiry on the credentials, for explain.
      provider = fromSso({ ...init, ...sso, profileSettings: clientProfile });
    }
    return provider(options);
  };
}
