import type { Env, ProfileSettings } from "@credchain/core/local";
import { resolveEndpointUrl } from "@credchain/core";
import { checkRegionName, partitionOf } from "@credchain/core/http";

/** Endpoint of AWS Sign-In (CreateOAuth2Token), botocore's variable for service id "Signin". */
export const AWS_ENDPOINT_URL_SIGNIN = "AWS_ENDPOINT_URL_SIGNIN";

/**
 * Where AWS Sign-In is, without a trailing slash: the explicit option, else the configured
 * endpoint (core's `resolveEndpointUrl` for `signin`: `AWS_ENDPOINT_URL_SIGNIN`,
 * `AWS_ENDPOINT_URL`, the session profile's services section and `endpoint_url`), else the
 * signin rule set's host in the region's partition (`https://<region>.signin.aws.amazon.com` in
 * `aws`, which also takes unknown regions).
 *
 * @example
 * ```ts
 * resolveSigninEndpoint("eu-west-1", {}); // "https://eu-west-1.signin.aws.amazon.com"
 * resolveSigninEndpoint("cn-north-1", {}); // "https://cn-north-1.signin.amazonaws.cn"
 * ```
 */
export function resolveSigninEndpoint(region: string, env: Env, explicit?: string, profileSettings?: ProfileSettings): string {
  const configured = resolveEndpointUrl("signin", { env, profile: profileSettings, source: "login" }, explicit).value;
  // botocore checks the region even when an endpoint is configured (InvalidRegionError).
  checkRegionName(region, "region", "login");
  if (configured) return configured.replace(/\/+$/, "");
  const { signin, dnsSuffix } = partitionOf(region);
  return `https://${signin ? `${region}.${signin}` : `signin.${region}.${dnsSuffix}`}`;
}
