import type { CredentialProvider } from "@credchain/core";
import type { Profile } from "@credchain/provider-ini";
import { fromLogin } from "@credchain/provider-sso/login";
import { configuredEndpoint } from "./service-endpoint.js";
import type { Session } from "./session.js";

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * botocore's LoginProvider for one profile (`login_session`, left by `aws login`): the region for a
 * refresh is botocore's session region (AWS_DEFAULT_REGION, then the profile's), the sign-in
 * endpoint AWS_ENDPOINT_URL_SIGNIN, AWS_ENDPOINT_URL, then the session profile's configuration.
 */
export function loginFromProfile(session: Session, name: string, profile: Profile): CredentialProvider {
  const env = session.ctx.env;
  const endpoint = configuredEndpoint(session.profile, session.config, env, "AWS_ENDPOINT_URL_SIGNIN", "signin");
  return fromLogin({
    ...session.ctx,
    profile: name,
    loginSession: text(profile.login_session),
    region: env.AWS_DEFAULT_REGION || text(session.profile.region) || undefined,
    ...(endpoint && { endpoint }),
  });
}
