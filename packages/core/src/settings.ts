import { ensureBoolean } from "./ensure-boolean.js";
import { pythonInt } from "./python-int.js";
import type { Setting } from "./resolve-setting.js";

// The settings credchain reads, as botocore's BOTOCORE_DEFAULT_SESSION_VARIABLES has them
// (config key, env vars in order — AWS_<KEY> unless the row says otherwise —, conversion,
// default), one row each so a bundle carries only the rows its providers read.
// `resolveSetting` reads a row: option, env, profile, default.
// Rows are plain literals (no spread): only then does a bundler drop the rows nobody reads.

const WHOLE = "a whole number";

/**
 * The region. credchain reads AWS_REGION first (ignored when empty), then botocore's
 * AWS_DEFAULT_REGION (set to "" it means no region), then the profile's `region`. Deliberate
 * difference: botocore does not read AWS_REGION.
 */
export const REGION: Setting = { key: "region", env: ["AWS_REGION", "AWS_DEFAULT_REGION"], skipBlank: ["AWS_REGION"] };
/** `regional` (botocore's default since 1.36) or `legacy`; STS checks the value. */
export const STS_REGIONAL_ENDPOINTS: Setting = { key: "sts_regional_endpoints", default: "regional" };
/** FIPS endpoints (`sts-fips.…`); botocore's `ensure_boolean`: the string `true` in any case. */
export const USE_FIPS_ENDPOINT: Setting<boolean> = { key: "use_fips_endpoint", parse: ensureBoolean };
/** Dual-stack (IPv4 and IPv6) endpoints (`….api.aws`); botocore's `ensure_boolean`. */
export const USE_DUALSTACK_ENDPOINT: Setting<boolean> = { key: "use_dualstack_endpoint", parse: ensureBoolean };
/** True: AWS_ENDPOINT_URL* and the config's endpoint URLs are ignored; an endpoint given in code still counts. */
export const IGNORE_CONFIGURED_ENDPOINT_URLS: Setting<boolean> = { key: "ignore_configured_endpoint_urls", parse: ensureBoolean };
/** Attempts in all, first included (botocore's `total_max_attempts`); no default here: each client has its own. */
export const MAX_ATTEMPTS: Setting<number> = { key: "max_attempts", parse: pythonInt, expected: WHOLE };

/** Whole seconds per IMDS request. */
export const METADATA_SERVICE_TIMEOUT: Setting<number> = { key: "metadata_service_timeout", default: 1, parse: pythonInt, expected: WHOLE };
/** IMDS attempts per request. */
export const METADATA_SERVICE_NUM_ATTEMPTS: Setting<number> = { key: "metadata_service_num_attempts", default: 1, parse: pythonInt, expected: WHOLE };
/** A custom IMDS endpoint; "" means the default (botocore tests truthiness). */
export const EC2_METADATA_SERVICE_ENDPOINT: Setting = {
  key: "ec2_metadata_service_endpoint",
  parse: (text) => (!text || isValidUri(text) ? text : undefined),
  expected: "a URI with a DNS or IPv6 host",
};
/** `IPv4` or `IPv6`, any case (read as `ipv4` / `ipv6`). */
export const EC2_METADATA_SERVICE_ENDPOINT_MODE: Setting = {
  key: "ec2_metadata_service_endpoint_mode",
  parse: (text) => (/^ipv[46]$/i.test(text) ? text.toLowerCase() : undefined),
  expected: "IPv4 or IPv6 (any case)",
};
export const IMDS_USE_IPV6: Setting<boolean> = { key: "imds_use_ipv6", default: false, parse: ensureBoolean };
export const EC2_METADATA_V1_DISABLED: Setting<boolean> = { key: "ec2_metadata_v1_disabled", default: false, parse: ensureBoolean };
/** The role to ask IMDS for, skipping the listing (read by the AWS SDKs for Go, Java and Rust; not botocore 1.43). */
export const EC2_INSTANCE_PROFILE_NAME: Setting = { key: "ec2_instance_profile_name" };

/**
 * A service's endpoint URL as botocore's ConfiguredEndpointProvider finds it:
 * `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `[services NAME]` section
 * (`<service> =` then `endpoint_url = …` indented), the profile's `endpoint_url`; an empty value
 * counts as unset. `service` is botocore's snake-case service id: `sts`, `sso`, `sso_oidc`, `signin`.
 * The row has the env vars and the profile key; {@link resolveEndpointUrl} adds the services
 * section and `ignore_configured_endpoint_urls`.
 *
 * @example
 * ```ts
 * import { endpointUrlSetting } from "@credchain/core";
 *
 * endpointUrlSetting("sso_oidc").env; // ["AWS_ENDPOINT_URL_SSO_OIDC", "AWS_ENDPOINT_URL"]
 * ```
 */
export function endpointUrlSetting(service: string): Setting {
  return { key: "endpoint_url", env: [`AWS_ENDPOINT_URL_${service.toUpperCase()}`, "AWS_ENDPOINT_URL"], skipBlank: true };
}

/**
 * botocore's is_valid_uri for the IMDS endpoint: a scheme and a host of DNS labels (a trailing dot
 * allowed) or an IPv6 literal; tabs and line breaks, which URL parsers drop, make it invalid.
 */
function isValidUri(value: string): boolean {
  try {
    return !/[\t\r\n]/.test(value) && /^(\[.+\]|((?!-)[a-z\d-]{1,63}(?<!-)(\.|$))+)$/i.test(new URL(value).hostname);
  } catch {
    return false;
  }
}
