import { CredchainError, REGION, resolveSetting, USE_DUALSTACK_ENDPOINT, USE_FIPS_ENDPOINT, type CredentialSource, type Env, type ProfileSettings } from "@credchain/core/local";
import { resolveEndpointUrl } from "@credchain/core";
import { STS_REGIONAL_ENDPOINTS } from "@credchain/core/internal";
import { checkRegionName, partitionOf } from "@credchain/core/http";

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

/** Everything that decides the STS endpoint: each option wins over its env var, which wins over the profile's key. */
export interface StsEndpointConfig {
  /**
   * The signing region. Default: env AWS_REGION, else AWS_DEFAULT_REGION, else the profile's
   * `region`; none means botocore's `aws-global` (sts.amazonaws.com, signed for us-east-1).
   */
  region?: string | undefined;
  /**
   * The region when neither `region`, env nor the profile names one. Default: none, botocore's
   * `aws-global` (sts.amazonaws.com). The AWS SDK v3 uses `us-east-1` (its regional endpoint) here.
   */
  defaultRegion?: string | undefined;
  /** An endpoint given in code (botocore's `endpoint_url=`): wins over everything, never ignored. */
  endpointUrl?: string | undefined;
  /** Ignore AWS_ENDPOINT_URL* and the config's endpoint URLs. Default: env AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, else the profile's. */
  ignoreConfiguredEndpointUrls?: boolean | string | undefined;
  /** `regional` (default since botocore 1.36) or `legacy`. Default: env AWS_STS_REGIONAL_ENDPOINTS, else the profile's, else `regional`. */
  stsRegionalEndpoints?: string | undefined;
  /** Default: env AWS_USE_FIPS_ENDPOINT (`true`, any case, is true), else the profile's `use_fips_endpoint`. */
  useFipsEndpoint?: boolean | string | undefined;
  /** Default: env AWS_USE_DUALSTACK_ENDPOINT, else the profile's `use_dualstack_endpoint`. */
  useDualstackEndpoint?: boolean | string | undefined;
  /**
   * The session profile's settings (provider-ini's `profileSettings`): its `region`,
   * `endpoint_url`, `services` section, `sts_regional_endpoints`, … below the env vars, as
   * botocore's STS client reads its session's scoped config. The chain passes the selected profile's.
   */
  profileSettings?: ProfileSettings | undefined;
}

/** Where a caller that knows better than env and the profile puts the STS region: the region itself, and the one to use when nothing names one. */
export type StsRegionOptions = Pick<StsEndpointConfig, "region" | "defaultRegion">;

export interface StsEndpoint {
  /** The URL to POST to, as configured (a custom endpoint keeps its path). */
  url: string;
  /** The region in the SigV4 credential scope. */
  signingRegion: string;
  /** Where the URL came from, for `explain` and debug lines: `option`, `env AWS_ENDPOINT_URL_STS`, `services "x" sts.endpoint_url`, `profile "x" endpoint_url`, or `rules`. */
  from: string;
}

/**
 * The STS endpoint botocore 1.43 would call: a configured endpoint URL (code, then
 * AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's `services` section, the profile's
 * endpoint_url: core's `resolveEndpointUrl`), else the STS endpoint rules —
 * `https://sts.{region}.{dnsSuffix}`, `sts-fips.` with FIPS, the dual-stack suffix (`api.aws`)
 * with dual-stack, and `https://sts.amazonaws.com` (signed for us-east-1) for no region,
 * `aws-global`, or a legacy-global region under `sts_regional_endpoints = legacy`. Every setting
 * is read through core's `resolveSetting`: the option, its env var, the profile, the default.
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
  const sources = { env, profile: config.profileSettings, source };
  const fail = (message: string, key?: string) => new CredchainError({ code: "InvalidConfig", message, source, key });
  // AWS_DEFAULT_REGION set to "" means no region, as in botocore.
  const region = resolveSetting(REGION, sources, config.region).value || config.defaultRegion || undefined;
  if (region !== undefined) checkRegionName(region, "region", source);

  const { value: custom, from } = resolveEndpointUrl("sts", sources, config.endpointUrl, config.ignoreConfiguredEndpointUrls);
  if (custom !== undefined) {
    if (!isValidEndpointUrl(custom)) throw fail(`Invalid endpoint: ${custom} (from ${from})`, "endpoint_url");
    if (region === undefined) {
      throw new CredchainError({ code: "NoRegion", message: `You must specify a region to call STS at the custom endpoint ${custom} (from ${from}).`, source });
    }
    // A custom endpoint wins over FIPS and dual-stack (botocore drops both for it).
    return { url: custom, signingRegion: region, from };
  }

  const mode = resolveSetting(STS_REGIONAL_ENDPOINTS, sources, config.stsRegionalEndpoints).value || "regional";
  if (mode !== "regional" && mode !== "legacy") {
    throw fail(`STS regional endpoints option ${mode} is invalid. Valid options are: "legacy", "regional"`, "sts_regional_endpoints");
  }
  const fips = resolveSetting(USE_FIPS_ENDPOINT, sources, config.useFipsEndpoint).value;
  const dualStack = resolveSetting(USE_DUALSTACK_ENDPOINT, sources, config.useDualstackEndpoint).value;
  // botocore resolves a missing region to the pseudo-region aws-global.
  const r = region ?? "aws-global";
  if (!fips && !dualStack && (r === "aws-global" || (mode === "legacy" && LEGACY_GLOBAL_STS_REGIONS.includes(r)))) {
    return { url: "https://sts.amazonaws.com", signingRegion: "us-east-1", from: "rules" };
  }
  const partition = partitionOf(r);
  const { dnsSuffix, dualStackDnsSuffix } = partition;
  let host: string;
  if (fips && dualStack) host = `sts-fips.${r}.${dualStackDnsSuffix}`;
  else if (fips) host = partition.id === "aws-us-gov" ? `sts.${r}.amazonaws.com` : `sts-fips.${r}.${dnsSuffix}`;
  else if (dualStack) host = `sts.${r}.${dualStackDnsSuffix}`;
  else host = `sts.${r}.${dnsSuffix}`;
  // aws-global signs for us-east-1 (its credential scope); every other region for itself.
  return { url: `https://${host}`, signingRegion: r === "aws-global" ? "us-east-1" : r, from: "rules" };
}

function isValidEndpointUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
