import { notFound, resolveContext } from "@credchain/core";
import { showName } from "@credchain/core/internal";
import { clientSettings, explicitRegion, refused, valueOf } from "./client-config.js";
import { profileLoader } from "./profile-layer.js";
import type { AwsCredentialProvider, ClientConfig, CredentialProviderOptions, SharedFileOptions } from "./types.js";

/** The SDK's `FromLoginCredentialsInit`: the shared files, the profile, and the Sign-In client's config. */
export interface FromLoginCredentialsInit extends CredentialProviderOptions, SharedFileOptions {
  /** The Sign-In client's settings, used to refresh: `region`, `endpoint`, `maxAttempts`. */
  clientConfig?: ClientConfig | undefined;
}

const SOURCE = "login";

/**
 * The AWS SDK's `fromLoginCredentials`: the credentials `aws login` cached for the profile's
 * `login_session`, refreshed through AWS Sign-In (a DPoP-signed refresh-token grant) when under
 * 5 minutes remain, with botocore's answers (`@credchain/provider-sso/login`, source `login`).
 * The refresh goes to the region of `clientConfig.region` or the calling client, else
 * AWS_REGION / AWS_DEFAULT_REGION, else the profile's `region` (botocore reads no `signInRegion`
 * from the cache). A profile without `login_session`: "not here" (`tryNextLink`), as in the SDK.
 *
 * @example
 * ```ts
 * import { fromLoginCredentials } from "@credchain/credential-providers";
 *
 * const credentials = fromLoginCredentials({ profile: "console" });
 * ```
 */
export function fromLoginCredentials(init: FromLoginCredentialsInit = {}): AwsCredentialProvider {
  const client = clientSettings("fromLoginCredentials", init.clientConfig);
  if (client.useFipsEndpoint || client.useDualstackEndpoint) throw refused("fromLoginCredentials", "clientConfig.useFipsEndpoint / useDualstackEndpoint", "botocore's Sign-In client uses the regional endpoint");
  const ctx = resolveContext(init);
  const load = profileLoader(ctx, init);
  return async (props) => {
    const { name, values, settings } = await load(init.profile ?? props?.callerClientConfig?.profile);
    const loginSession = values.login_session;
    if (typeof loginSession !== "string") throw notFound(SOURCE, `profile "${showName(name)}" has no login_session`, { profile: name });
    const { fromLogin } = await import("./load-login.js");
    const maxAttempts = await valueOf(client.maxAttempts);
    return fromLogin({
      ...ctx,
      // Made by the provider unless given: its default reads the profile's ca_bundle too.
      transport: init.transport,
      profile: name,
      loginSession,
      profileSettings: settings,
      region: await explicitRegion(client, init, props),
      endpoint: client.endpointUrl,
      ...(maxAttempts !== undefined && { maxAttempts }),
    })(props);
  };
}
