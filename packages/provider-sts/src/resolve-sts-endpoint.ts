import { CredchainError, type CredentialSource, type Env } from "@credchain/core";

export const AWS_ENDPOINT_URL_STS = "AWS_ENDPOINT_URL_STS";
export const AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";
export const AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
export const AWS_STS_REGIONAL_ENDPOINTS = "AWS_STS_REGIONAL_ENDPOINTS";
export const AWS_USE_FIPS_ENDPOINT = "AWS_USE_FIPS_ENDPOINT";
export const AWS_USE_DUALSTACK_ENDPOINT = "AWS_USE_DUALSTACK_ENDPOINT";

/** botocore's LEGACY_GLOBAL_STS_REGIONS: with `sts_regional_endpoints = legacy` these go to sts.amazonaws.com. */
export const LEGACY_GLOBAL_STS_REGIONS: readonly string[] = [
  "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
  "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1",
  "us-east-1", "us-east-2", "us-west-1", "us-west-2",
];

/** Where STS endpoints live: botocore's partitions.json, reduced to what the STS rules use. */
const PARTITIONS: { id: string; regex: RegExp; dns: string; dualStackDns: string }[] = [
  { id: "aws", regex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, dns: "amazonaws.com", dualStackDns: "api.aws" },
  { id: "aws-cn", regex: /^cn-\w+-\d+$/, dns: "amazonaws.com.cn", dualStackDns: "api.amazonwebservices.com.cn" },
  { id: "aws-eusc", regex: /^eusc-(de)-\w+-\d+$/, dns: "amazonaws.eu", dualStackDns: "api.amazonwebservices.eu" },
  { id: "aws-iso", regex: /^us-iso-\w+-\d+$/, dns: "c2s.ic.gov", dualStackDns: "api.aws.ic.gov" },
  { id: "aws-iso-b", regex: /^us-isob-\w+-\d+$/, dns: "sc2s.sgov.gov", dualStackDns: "api.aws.scloud" },
  { id: "aws-iso-e", regex: /^eu-isoe-\w+-\d+$/, dns: "cloud.adc-e.uk", dualStackDns: "api.cloud-aws.adc-e.uk" },
  { id: "aws-iso-f", regex: /^us-isof-\w+-\d+$/, dns: "csp.hci.ic.gov", dualStackDns: "api.aws.hci.ic.gov" },
  { id: "aws-us-gov", regex: /^us-gov-\w+-\d+$/, dns: "amazonaws.com", dualStackDns: "api.aws" },
];

/** Everything that decides the STS endpoint; each falls back to its environment variable. */
export interface StsEndpointConfig {
  /** The signing region. Default: none, which botocore treats as `aws-global` (sts.amazonaws.com, signed for us-east-1). */
  region?: string | undefined;
  /** An endpoint given in code (botocore's `endpoint_url=`): wins over everything, never ignored. */
  endpointUrl?: string | undefined;
  /** `endpoint_url` of the profile's `services` section for `sts`, passed by the chain. */
  serviceEndpointUrl?: string | undefined;
  /** The profile's own `endpoint_url`, passed by the chain. */
  profileEndpointUrl?: string | undefined;
  /** Ignore AWS_ENDPOINT_URL* and the config's endpoint URLs. Default: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, else the profile's value. */
  ignoreConfiguredEndpointUrls?: boolean | string | undefined;
  /** `regional` (default since botocore 1.36) or `legacy`. Default: AWS_STS_REGIONAL_ENDPOINTS, then `regional`. */
  stsRegionalEndpoints?: string | undefined;
  /** Default: AWS_USE_FIPS_ENDPOINT (`true`, any case, is true). */
  useFipsEndpoint?: boolean | string | undefined;
  /** Default: AWS_USE_DUALSTACK_ENDPOINT. */
  useDualstackEndpoint?: boolean | string | undefined;
}

export interface StsEndpoint {
  /** The URL to POST to, as configured (a custom endpoint keeps its path). */
  url: string;
  /** The region in the SigV4 credential scope. */
  signingRegion: string;
  /** Where the URL came from, for `explain` and debug lines. */
  from: "endpointUrl" | typeof AWS_ENDPOINT_URL_STS | "services" | typeof AWS_ENDPOINT_URL | "profile" | "rules";
}

/** botocore's ensure_boolean: a boolean as is, a string `true` in any case, anything else false. */
function ensureBoolean(value: boolean | string | undefined): boolean {
  return typeof value === "boolean" ? value : typeof value === "string" && value.toLowerCase() === "true";
}

const REGION_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/**
 * The STS endpoint botocore 1.43 would call: a configured endpoint URL (code, then
 * AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the `services` section, the profile's endpoint_url —
 * botocore's ConfiguredEndpointProvider order: environment before config files),
 * else the STS endpoint rules — `https://sts.{region}.{dnsSuffix}`, `sts-fips.` with FIPS,
 * the dual-stack suffix (`api.aws`) with dual-stack, and `https://sts.amazonaws.com` (signed for
 * us-east-1) for no region, `aws-global`, or a legacy-global region under
 * `sts_regional_endpoints = legacy`.
 *
 * Throws `InvalidConfig` for a bad region, endpoint URL or `sts_regional_endpoints` value, and
 * `NoRegion` for a custom endpoint without a region (botocore: NoRegionError).
 *
 * @example
 * ```ts
 * resolveStsEndpoint({ region: "eu-west-1" }, {});
 * // { url: "https://sts.eu-west-1.amazonaws.com", signingRegion: "eu-west-1", from: "rules" }
 * ```
 */
export function resolveStsEndpoint(config: StsEndpointConfig, env: Env, source?: CredentialSource): StsEndpoint {
  const fail = (message: string, key?: string) => new CredchainError({ code: "InvalidConfig", message, source, key });
  const region = config.region === "" ? undefined : config.region;
  if (region !== undefined && !REGION_NAME.test(region)) {
    throw fail(`Provided region_name '${region}' doesn't match a supported format.`, "region");
  }

  const ignoreConfigured = ensureBoolean(config.ignoreConfiguredEndpointUrls ?? env[AWS_IGNORE_CONFIGURED_ENDPOINT_URLS]);
  const candidates: [StsEndpoint["from"], string | undefined][] = [["endpointUrl", config.endpointUrl]];
  if (!ignoreConfigured) {
    candidates.push(
      [AWS_ENDPOINT_URL_STS, env[AWS_ENDPOINT_URL_STS]],
      [AWS_ENDPOINT_URL, env[AWS_ENDPOINT_URL]],
      ["services", config.serviceEndpointUrl],
      ["profile", config.profileEndpointUrl],
    );
  }
  for (const [from, value] of candidates) {
    if (value === undefined || value === "") continue;
    if (!isValidEndpointUrl(value)) throw fail(`Invalid endpoint: ${value} (from ${from})`, from);
    if (region === undefined) {
      throw new CredchainError({ code: "NoRegion", message: `You must specify a region to call STS at the custom endpoint ${value} (from ${from}).`, source });
    }
    // A custom endpoint wins over FIPS and dual-stack (botocore drops both for it).
    return { url: value, signingRegion: region, from };
  }

  const mode = config.stsRegionalEndpoints ?? env[AWS_STS_REGIONAL_ENDPOINTS] ?? "regional";
  const regionalMode = mode === "" ? "regional" : mode;
  if (regionalMode !== "regional" && regionalMode !== "legacy") {
    throw fail(`STS regional endpoints option ${regionalMode} is invalid. Valid options are: "legacy", "regional"`, "sts_regional_endpoints");
  }
  const fips = ensureBoolean(config.useFipsEndpoint ?? env[AWS_USE_FIPS_ENDPOINT]);
  const dualStack = ensureBoolean(config.useDualstackEndpoint ?? env[AWS_USE_DUALSTACK_ENDPOINT]);
  // botocore resolves a missing region to the pseudo-region aws-global.
  const r = region ?? "aws-global";
  const global = { url: "https://sts.amazonaws.com", signingRegion: "us-east-1", from: "rules" as const };
  if (!fips && !dualStack && (r === "aws-global" || (regionalMode === "legacy" && LEGACY_GLOBAL_STS_REGIONS.includes(r)))) {
    return global;
  }
  const partition = partitionOf(r);
  // signingRegion: aws-global signs for us-east-1 (its credential scope); every other region for itself.
  const signingRegion = r === "aws-global" ? "us-east-1" : r;
  let host: string;
  if (fips && dualStack) host = `sts-fips.${r}.${partition.dualStackDns}`;
  else if (fips) host = partition.id === "aws-us-gov" ? `sts.${r}.amazonaws.com` : `sts-fips.${r}.${partition.dns}`;
  else if (dualStack) host = `sts.${r}.${partition.dualStackDns}`;
  else host = `sts.${r}.${partition.dns}`;
  return { url: `https://${host}`, signingRegion, from: "rules" };
}

function partitionOf(region: string) {
  // Pseudo-regions such as aws-cn-global belong to their partition; unknown names to aws.
  const global = PARTITIONS.find((p) => region === `${p.id}-global`);
  return global ?? PARTITIONS.find((p) => p.regex.test(region)) ?? PARTITIONS[0]!;
}

function isValidEndpointUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
