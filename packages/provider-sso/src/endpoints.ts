import { CredchainError, type Env } from "@credchain/core";

/** Endpoint of the SSO portal (GetRoleCredentials), as botocore's service-specific variable for service id "SSO". */
export const AWS_ENDPOINT_URL_SSO = "AWS_ENDPOINT_URL_SSO";
/** Endpoint of SSO-OIDC (CreateToken), botocore's variable for service id "SSO OIDC". */
export const AWS_ENDPOINT_URL_SSO_OIDC = "AWS_ENDPOINT_URL_SSO_OIDC";
/** Endpoint for every AWS service, used when no service-specific one is set. */
export const AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
/** `true` (any case) ignores the endpoint variables, as in botocore. */
export const AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

export type SsoService = "portal" | "oidc";

const SERVICE_VAR: Record<SsoService, string> = { portal: AWS_ENDPOINT_URL_SSO, oidc: AWS_ENDPOINT_URL_SSO_OIDC };
const HOST_PREFIX: Record<SsoService, string> = { portal: "portal.sso", oidc: "oidc" };

/**
 * Where the SSO portal or SSO-OIDC is, without a trailing slash: the explicit option, else
 * `AWS_ENDPOINT_URL_SSO` / `AWS_ENDPOINT_URL_SSO_OIDC`, else `AWS_ENDPOINT_URL` (botocore 1.43
 * honours both for its `sso` and `sso-oidc` clients), else the regional AWS endpoint.
 *
 * @example
 * ```ts
 * resolveSsoEndpoint("portal", "eu-west-1", {}); // "https://portal.sso.eu-west-1.amazonaws.com"
 * ```
 */
export function resolveSsoEndpoint(service: SsoService, region: string, env: Env, explicit?: string): string {
  const ignore = (env[AWS_IGNORE_CONFIGURED_ENDPOINT_URLS] ?? "").toLowerCase() === "true";
  const configured = explicit || (ignore ? undefined : env[SERVICE_VAR[service]] || env[AWS_ENDPOINT_URL]);
  if (configured) return configured.replace(/\/+$/, "");
  // botocore refuses region names that are not host labels (InvalidRegionError); so do we, lest a
  // region with "/" or "@" send the token elsewhere.
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(region)) {
    throw new CredchainError({ code: "InvalidConfig", message: `sso_region "${region}" is not a valid region name`, source: "sso", key: "sso_region" });
  }
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return `https://${HOST_PREFIX[service]}.${region}.${suffix}`;
}
