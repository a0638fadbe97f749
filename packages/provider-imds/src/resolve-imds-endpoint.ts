import { CredchainError, type Env } from "@credchain/core";

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

/** The config-file layer: what the chain read from the profile. Environment variables win over it, as in botocore. */
export interface ImdsEndpointOptions {
  /** Config `ec2_metadata_service_endpoint`. */
  endpoint?: string | undefined;
  /** Config `ec2_metadata_service_endpoint_mode`: `IPv4` or `IPv6`, any case. */
  endpointMode?: string | undefined;
  /** Config `imds_use_ipv6`. */
  useIpv6?: boolean | undefined;
}

export interface ImdsEndpoint {
  /** The base URL requests are made against (paths are appended after a `/`). */
  url: string;
  mode: ImdsEndpointMode;
  /** Where the URL came from: an env var name, `endpoint` (option), or `default`. */
  from: string;
}

/**
 * The IMDS base URL as botocore chooses it (IMDSFetcher._select_base_url and
 * resolve_imds_endpoint_mode): a custom endpoint wins; else the endpoint mode (`ipv6` →
 * `http://[fd00:ec2::254]/`), else `imds_use_ipv6`, else `http://169.254.169.254/`. Each setting
 * is the env var when it is set (even to ""), else the option. An unknown mode or an endpoint
 * botocore would not accept as a URI throws `InvalidConfig`.
 *
 * @example
 * ```ts
 * resolveImdsEndpoint({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv6" });
 * // { url: "http://[fd00:ec2::254]/", mode: "ipv6", from: "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE" }
 * ```
 */
export function resolveImdsEndpoint(env: Env, options: ImdsEndpointOptions = {}): ImdsEndpoint {
  /** The env var when it is set (even to ""), else the option: `[value, where from, key to blame]`. */
  const pick = <T>(name: string, option: string, key: string, value: T): [string | T, string, string] =>
    env[name] !== undefined ? [env[name]!, name, name] : [value, option, key];
  let [mode, modeFrom, key] = pick(AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE, "endpointMode", "ec2_metadata_service_endpoint_mode", options.endpointMode);
  if (mode != null) {
    const lower = mode.toLowerCase();
    if (lower != "ipv4" && lower != "ipv6") throw invalid(key, `Invalid EC2 Instance Metadata endpoint mode: ${mode} (from ${key}); valid: IPv4, IPv6 (any case)`);
    mode = lower;
  } else {
    const [v6, from] = pick(AWS_IMDS_USE_IPV6, "useIpv6", "", options.useIpv6);
    mode = (typeof v6 == "string" ? v6.toLowerCase() == "true" : v6) ? "ipv6" : "ipv4";
    modeFrom = from;
  }

  const [custom, from, endpointKey] = pick(AWS_EC2_METADATA_SERVICE_ENDPOINT, "endpoint", "ec2_metadata_service_endpoint", options.endpoint);
  // botocore tests truthiness: an empty endpoint means "the default".
  if (custom) {
    if (!isValidUri(custom)) throw invalid(endpointKey, `Invalid EC2 Instance Metadata endpoint: ${custom} (from ${endpointKey})`);
    return { url: custom, mode: mode as ImdsEndpointMode, from };
  }
  return mode == "ipv6" ? { url: IMDS_IPV6_ENDPOINT, mode, from: modeFrom } : { url: IMDS_IPV4_ENDPOINT, mode: "ipv4", from: "default" };
}

/** @internal InvalidConfig from the IMDS settings, naming the variable or config key at fault. */
export function invalid(key: string, message: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: "iam-role", key });
}

export { imdsUrl } from "./imds-client.js";

/**
 * botocore's is_valid_uri: a scheme and a host of DNS labels (a trailing dot allowed) or an IPv6
 * literal; tabs and line breaks, which URL parsers drop, make it invalid.
 */
function isValidUri(value: string): boolean {
  try {
    return !/[\t\r\n]/.test(value) && /^(\[.+\]|((?!-)[a-z\d-]{1,63}(?<!-)(\.|$))+)$/i.test(new URL(value).hostname);
  } catch {
    return false;
  }
}
