import type { Env, ProfileSettings } from "@credchain/core/local";
import { resolveEndpointUrl } from "@credchain/core";
import { checkRegionName, partitionOf } from "@credchain/core/http";

/** Endpoint of the SSO portal (GetRoleCredentials), as botocore's service-specific variable for service id "SSO". */
export const AWS_ENDPOINT_URL_SSO = "AWS_ENDPOINT_URL_SSO";
/** Endpoint of SSO-OIDC (CreateToken), botocore's variable for service id "SSO OIDC". */
export const AWS_ENDPOINT_URL_SSO_OIDC = "AWS_ENDPOINT_URL_SSO_OIDC";
/** Endpoint for every AWS service, used when no service-specific one is set. */
export const AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
/** `true` (any case) ignores the endpoint variables, as in botocore. */
export const AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

export type SsoService = "portal" | "oidc";

/**
 * Where the SSO portal or SSO-OIDC is, without a trailing slash: the explicit option, else the
 * configured endpoint (core's `resolveEndpointUrl` for `sso` / `sso_oidc`: `AWS_ENDPOINT_URL_SSO`
 * / `AWS_ENDPOINT_URL_SSO_OIDC`, `AWS_ENDPOINT_URL`, then the session profile's services section
 * and `endpoint_url`), else the regional endpoint of the region's partition, as botocore 1.43's
 * `sso` and `sso-oidc` clients.
 *
 * @example
 * ```ts
 * resolveSsoEndpoint("portal", "eu-west-1", {}); // "https://portal.sso.eu-west-1.amazonaws.com"
 * ```
 */
export function resolveSsoEndpoint(service: SsoService, region: string, env: Env, explicit?: string, profileSettings?: ProfileSettings): string {
  const portal = service == "portal";
  const configured = resolveEndpointUrl(portal ? "sso" : "sso_oidc", { env, profile: profileSettings, source: "sso" }, explicit).value;
  if (configured) return configured.replace(/\/+$/, "");
  // A region with "/" or "@" would send the token elsewhere: refused as botocore refuses it.
  checkRegionName(region, "sso_region", "sso");
  return `https://${portal ? "portal.sso" : "oidc"}.${region}.${partitionOf(region).dnsSuffix}`;
}
