import { notFound, resolveLocalContext, TOKEN_FILE_MAX_BYTES, type CredentialProvider, type ProviderContextInit } from "@credchain/core";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import { fromSso, ssoConfigFromProfile, ssoTokenCacheFile } from "@credchain/provider-sso";
import { configuredEndpoint } from "./service-endpoint.js";
import { USED_DETAIL } from "./walk.js";

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
  /** The session's profile: its `services` section and `endpoint_url` configure the SSO clients, as in botocore. */
  clientProfile: Profile = profile,
): CredentialProvider {
  const local = resolveLocalContext(init);
  let provider: CredentialProvider | undefined;
  let cacheFile = "";
  return async (options) => {
    if (!provider) {
      const sso = ssoConfigFromProfile(name, profile, config.configFile.ssoSessions);
      if (sso === undefined) {
        throw notFound("sso", `profile "${name}" has no sso_account_id or sso_role_name`, { profile: name, files: [config.configFile.path] });
      }
      const env = local.env;
      const portalEndpoint = configuredEndpoint(clientProfile, config, env, "AWS_ENDPOINT_URL_SSO", "sso");
      const oidcEndpoint = configuredEndpoint(clientProfile, config, env, "AWS_ENDPOINT_URL_SSO_OIDC", "sso_oidc");
      provider = fromSso({ ...init, ...sso, ...(portalEndpoint && { portalEndpoint }), ...(oidcEndpoint && { oidcEndpoint }) });
      cacheFile = ssoTokenCacheFile(local.homedir, sso);
    }
    const credentials = await provider(options);
    // For explain: which cache file was read and when its token expires (never the token).
    const expiresAt = await local
      .readFile(cacheFile, { maxBytes: TOKEN_FILE_MAX_BYTES })
      .then((t) => (JSON.parse(t) as { expiresAt?: unknown } | null)?.expiresAt)
      .catch(() => undefined);
    const reason = `token from ${cacheFile}${typeof expiresAt === "string" ? `, token expires ${expiresAt}` : ""}`;
    Object.defineProperty(credentials, USED_DETAIL, { value: { reason, lookedAt: { profile: name, files: [cacheFile] } } });
    return credentials;
  };
}
