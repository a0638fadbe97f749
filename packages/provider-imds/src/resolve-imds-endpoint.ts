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
  const modeFromEnv = env[AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE] !== undefined;
  const rawMode = modeFromEnv ? env[AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE] : options.endpointMode;
  let mode: ImdsEndpointMode;
  let modeFrom: string;
  if (rawMode !== undefined && rawMode !== null) {
    const lower = rawMode.toLowerCase();
    if (lower !== "ipv4" && lower !== "ipv6") {
      const key = modeFromEnv ? AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE : "ec2_metadata_service_endpoint_mode";
      throw invalid(key, `Invalid EC2 Instance Metadata endpoint mode: ${rawMode} (from ${key}). Valid endpoint modes (case-insensitive): IPv4, IPv6.`);
    }
    mode = lower;
    modeFrom = modeFromEnv ? AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE : "endpointMode";
  } else {
    const ipv6FromEnv = env[AWS_IMDS_USE_IPV6] !== undefined;
    const useIpv6 = ipv6FromEnv ? env[AWS_IMDS_USE_IPV6]!.toLowerCase() === "true" : options.useIpv6 === true;
    mode = useIpv6 ? "ipv6" : "ipv4";
    modeFrom = ipv6FromEnv ? AWS_IMDS_USE_IPV6 : "useIpv6";
  }

  const endpointFromEnv = env[AWS_EC2_METADATA_SERVICE_ENDPOINT] !== undefined;
  const custom = endpointFromEnv ? env[AWS_EC2_METADATA_SERVICE_ENDPOINT] : options.endpoint;
  // botocore tests truthiness: an empty endpoint means "the default".
  if (custom) {
    const from = endpointFromEnv ? AWS_EC2_METADATA_SERVICE_ENDPOINT : "endpoint";
    if (!isValidUri(custom)) {
      const key = endpointFromEnv ? from : "ec2_metadata_service_endpoint";
      throw invalid(key, `Invalid endpoint EC2 Instance Metadata endpoint: ${custom} (from ${key})`);
    }
    return { url: custom, mode, from };
  }
  if (mode === "ipv6") return { url: IMDS_IPV6_ENDPOINT, mode, from: modeFrom };
  return { url: IMDS_IPV4_ENDPOINT, mode, from: "default" };
}

/** @internal InvalidConfig from the IMDS settings, naming the variable or config key at fault. */
export function invalid(key: string, message: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: "iam-role", key });
}

/** `base` + `/` (unless it ends in one) + `path`, as botocore's `_construct_url`. */
export function imdsUrl(base: string, path: string): string {
  return `${base}${base.endsWith("/") ? "" : "/"}${path}`;
}

const HOST_LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

/** botocore's is_valid_uri: a scheme and a hostname made of DNS labels, or an IPv6 literal. */
function isValidUri(value: string): boolean {
  if (/[\t\r\n]/.test(value)) return false;
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/.exec(value);
  const host = match?.[1];
  if (!host) return false;
  if (host.startsWith("[")) {
    try {
      return new URL(`http://${host}/`).hostname !== "";
    } catch {
      return false;
    }
  }
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  return name.length <= 255 && HOST_LABELS.test(name);
}
