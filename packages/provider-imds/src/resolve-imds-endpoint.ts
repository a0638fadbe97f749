import { resolveSetting, type Env, type ProfileSettings } from "@credchain/core/local";
import { EC2_METADATA_SERVICE_ENDPOINT, EC2_METADATA_SERVICE_ENDPOINT_MODE, IMDS_USE_IPV6 } from "@credchain/core/internal";
import { SOURCE } from "./imds-client.js";

/** botocore's METADATA_BASE_URL. */
export const IMDS_IPV4_ENDPOINT = "http://169.254.169.254/";
/** botocore's METADATA_BASE_URL_IPv6. */
export const IMDS_IPV6_ENDPOINT = "http://[fd00:ec2::254]/";
/** A custom endpoint (config `ec2_metadata_service_endpoint`); wins over the mode. */
export const AWS_EC2_METADATA_SERVICE_ENDPOINT = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
/** `IPv4` or `IPv6`, case-insensitive (config `ec2_metadata_service_endpoint_mode`). */
export const AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE = "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE";
/** The older switch to IPv6 (config `imds_use_ipv6`); the mode wins over it. */
export const AWS_IMDS_USE_IPV6 = "AWS_IMDS_USE_IPV6";

export type ImdsEndpointMode = "ipv4" | "ipv6";

/** Each option wins over its env var, which wins over the profile's key, as core's `resolveSetting`. */
export interface ImdsEndpointOptions {
  /** Env AWS_EC2_METADATA_SERVICE_ENDPOINT, config `ec2_metadata_service_endpoint`. */
  endpoint?: string | undefined;
  /** `IPv4` or `IPv6`, any case. Env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE, config `ec2_metadata_service_endpoint_mode`. */
  endpointMode?: string | undefined;
  /** Env AWS_IMDS_USE_IPV6, config `imds_use_ipv6`. */
  useIpv6?: boolean | undefined;
  /** The profile's settings (provider-ini's `profileSettings`), below the env vars; the chain passes the session's. */
  profileSettings?: ProfileSettings | undefined;
}

export interface ImdsEndpoint {
  /** The base URL requests are made against (paths are appended after a `/`). */
  url: string;
  mode: ImdsEndpointMode;
  /** Where the URL came from: `option`, `env AWS_EC2_METADATA_SERVICE_ENDPOINT`, `profile "dev" …`, or `default`. */
  from: string;
}

/**
 * The IMDS base URL as botocore chooses it (IMDSFetcher._select_base_url and
 * resolve_imds_endpoint_mode): a custom endpoint wins; else the endpoint mode (`ipv6` →
 * `http://[fd00:ec2::254]/`), else `imds_use_ipv6`, else `http://169.254.169.254/`. Each setting
 * is the option, else its env var when set (even to ""), else the profile's key. An unknown mode
 * or an endpoint botocore would not accept as a URI throws `InvalidConfig` naming where it came
 * from (core's settings table checks both).
 *
 * @example
 * ```ts
 * resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv6" });
 * // { url: "http://[fd00:ec2::254]/", mode: "ipv6", from: "env AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE" }
 * ```
 */
export function resolveImdsEndpoint(env: Env, options: ImdsEndpointOptions = {}): ImdsEndpoint {
  const sources = { env, profile: options.profileSettings, source: SOURCE };
  // Both read (and checked) first, as botocore resolves the mode before it looks at the endpoint.
  let { value: mode, from } = resolveSetting(EC2_METADATA_SERVICE_ENDPOINT_MODE, sources, options.endpointMode);
  const custom = resolveSetting(EC2_METADATA_SERVICE_ENDPOINT, sources, options.endpoint);
  if (mode === undefined) {
    const v6 = resolveSetting(IMDS_USE_IPV6, sources, options.useIpv6);
    mode = v6.value ? "ipv6" : "ipv4";
    from = v6.from;
  }
  if (custom.value) return { url: custom.value, mode: mode as ImdsEndpointMode, from: custom.from };
  return mode == "ipv6" ? { url: IMDS_IPV6_ENDPOINT, mode, from } : { url: IMDS_IPV4_ENDPOINT, mode: "ipv4", from: "default" };
}

export { imdsUrl } from "./imds-client.js";
