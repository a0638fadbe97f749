import { CredchainError, notFound, resolveContext } from "@credchain/core";
import { showName, type SsoProfileConfig } from "@credchain/core/internal";
import { clientSettings, refused, refuseSet, valueOf } from "./client-config.js";
import { profileLoader } from "./profile-layer.js";
import type { AwsCredentialProvider, AwsIdentityProperties, ClientConfig, CredentialProviderOptions, SharedFileOptions } from "./types.js";

/** The SDK's `SsoCredentialsParameters`: an SSO role given in code instead of a profile. */
export interface SsoCredentialsParameters {
  ssoStartUrl: string;
  /** The sso-session whose cached token (and `[sso-session]` section, for refresh) is used. */
  ssoSession?: string | undefined;
  ssoAccountId: string;
  ssoRegion: string;
  ssoRoleName: string;
}

/** The SDK's `FromSSOInit & Partial<SsoCredentialsParameters>`. */
export interface FromSSOInit extends CredentialProviderOptions, SharedFileOptions, Partial<SsoCredentialsParameters> {
  /** Refused: credchain calls the SSO portal itself. */
  ssoClient?: unknown;
  /** The SSO portal client's settings: `region` (the portal's region; default `sso_region`), `endpoint`, `maxAttempts`. */
  clientConfig?: ClientConfig | undefined;
  /** The calling client's config, whose `profile` is read when `profile` is not given. */
  callerClientConfig?: AwsIdentityProperties["callerClientConfig"];
}

const SOURCE = "sso";
const PARAMS = ["ssoStartUrl", "ssoAccountId", "ssoRegion", "ssoRoleName"] as const;

/**
 * The AWS SDK's `fromSSO`: IAM Identity Center role credentials from the token `aws sso login`
 * cached, with botocore's answers (`@credchain/provider-sso`, source `sso`): an sso-session
 * token is refreshed through SSO-OIDC when under 15 minutes remain (written back atomically),
 * errors end with the `aws sso login` command that fixes them. The role is the profile's
 * (`sso_session` or the legacy `sso_start_url` form, validated as botocore does), or all four of
 * `ssoStartUrl`, `ssoAccountId`, `ssoRegion`, `ssoRoleName` given in code (with `ssoSession`,
 * its token). A profile that is missing or not an SSO profile: "not here" (`tryNextLink`);
 * some but not all four parameters: `InvalidConfig`.
 *
 * @example
 * ```ts
 * import { fromSSO } from "@credchain/credential-providers";
 *
 * const credentials = fromSSO({ profile: "my-sso-profile" });
 * ```
 */
export function fromSSO(init: FromSSOInit = {}): AwsCredentialProvider {
  refuseSet("fromSSO", init, { ssoClient: "credchain calls the SSO portal itself; set clientConfig.endpoint or AWS_ENDPOINT_URL_SSO to point it elsewhere" });
  const client = clientSettings("fromSSO", init.clientConfig);
  if (client.useFipsEndpoint || client.useDualstackEndpoint) throw refused("fromSSO", "clientConfig.useFipsEndpoint / useDualstackEndpoint", "botocore's SSO client uses the regional portal endpoint");
  const ctx = resolveContext(init);
  const load = profileLoader(ctx, init);
  const given = PARAMS.filter((k) => init[k] !== undefined);
  if ((given.length > 0 || init.ssoSession !== undefined) && given.length < PARAMS.length) {
    const missing = PARAMS.filter((k) => init[k] === undefined);
    throw new CredchainError({ code: "InvalidConfig", source: SOURCE, key: missing[0], message: `fromSSO: an SSO role given in code needs ssoStartUrl, ssoAccountId, ssoRegion and ssoRoleName; missing: ${missing.join(", ")}` });
  }
  return async (props) => {
    const profileName = init.profile ?? props?.callerClientConfig?.profile ?? init.callerClientConfig?.profile;
    const layer = await load(profileName);
    let config: SsoProfileConfig;
    if (given.length === 0) {
      if (!layer.exists) throw notFound(SOURCE, `profile "${showName(layer.name)}" is in neither shared file`, { profile: layer.name });
      const { ssoConfigFromProfile } = await import("./load-ini.js");
      const fromProfile = ssoConfigFromProfile(layer.name, layer.values, layer.config.configFile.ssoSessions);
      if (!fromProfile) throw notFound(SOURCE, `profile "${showName(layer.name)}" is not configured with SSO credentials (no sso_account_id or sso_role_name)`, { profile: layer.name });
      config = fromProfile;
    } else {
      const session = init.ssoSession === undefined ? undefined : layer.config.configFile.ssoSessions[init.ssoSession];
      const sessionConfig = session && Object.fromEntries(Object.entries(session).filter((e): e is [string, string] => typeof e[1] === "string"));
      config = {
        profile: layer.name,
        ssoStartUrl: init.ssoStartUrl!,
        ssoAccountId: init.ssoAccountId!,
        ssoRegion: init.ssoRegion!,
        ssoRoleName: init.ssoRoleName!,
        ...(init.ssoSession !== undefined && { ssoSession: init.ssoSession }),
        ...(sessionConfig && { sessionConfig }),
      };
    }
    const { fromSso, resolveSsoEndpoint } = await import("./load-sso.js");
    const region = await valueOf(client.region);
    const portalEndpoint = client.endpointUrl ?? (region ? resolveSsoEndpoint("portal", region, ctx.env, undefined, layer.settings) : undefined);
    const maxAttempts = await valueOf(client.maxAttempts);
    return fromSso({ ...ctx, transport: init.transport, ...config, profileSettings: layer.settings, portalEndpoint, ...(maxAttempts !== undefined && { maxAttempts }) })(props);
  };
}
