import { notFound, type CredentialProvider, type ProviderContextInit } from "@credchain/core";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import { fromSso, ssoConfigFromProfile } from "@credchain/provider-sso";

/**
 * botocore's SSOProvider for the selected profile: profiles without sso_account_id and
 * sso_role_name are not here; incomplete or inconsistent SSO settings fail with InvalidConfig
 * when the provider is reached (as botocore raises in load()).
 */
export function ssoFromProfile(name: string, profile: Profile, config: SharedConfig, init: ProviderContextInit): CredentialProvider {
  let provider: CredentialProvider | undefined;
  return async (options) => {
    if (!provider) {
      const sso = ssoConfigFromProfile(name, profile, config.configFile.ssoSessions);
      if (sso === undefined) {
        throw notFound("sso", `profile "${name}" has no sso_account_id or sso_role_name`, { profile: name, files: [config.configFile.path] });
      }
      provider = fromSso({ ...init, ...sso });
    }
    return provider(options);
  };
}
