import { CredchainError, REGION, resolveEndpointUrl, resolveSetting, USE_DUALSTACK_ENDPOINT, USE_FIPS_ENDPOINT, type SettingSources } from "@credchain/core";
import { checkRegionName, partitionOf } from "@credchain/core/http";

/** What decides where Cognito Identity calls go, beyond env and the profile. */
export interface CognitoEndpointOptions {
  /** Wins over env and the profile (the caller's or client config's region). */
  region?: string | undefined;
  /** Wins over AWS_ENDPOINT_URL_COGNITO_IDENTITY, AWS_ENDPOINT_URL and the config file. */
  endpointUrl?: string | undefined;
  useFipsEndpoint?: boolean | undefined;
  useDualstackEndpoint?: boolean | undefined;
}

/** The four regions whose FIPS dual-stack endpoint keeps the `amazonaws.com` name in Cognito's rules. */
const FIPS_DUALSTACK_CLASSIC = /^us-(east|west)-[12]$/;

/**
 * Where Cognito Identity is, as botocore's `cognito-identity` client resolves it: a configured
 * endpoint (core's `resolveEndpointUrl` for `cognito_identity`: the option,
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY, AWS_ENDPOINT_URL, the profile's services section and
 * `endpoint_url`), else `https://cognito-identity[-fips].<region>.<partition's domain>`; with
 * dual-stack the partition's dual-stack domain, except in the `aws` partition, whose regular hosts
 * are dual-stack already (with FIPS too in us-east-1, us-east-2, us-west-1 and us-west-2). No region, even with a custom endpoint: `NoRegion`,
 * as botocore and the SDK fail.
 *
 * @example
 * ```ts
 * resolveCognitoEndpoint({ region: "eu-west-1" }, { env: {} }); // { url: "https://cognito-identity.eu-west-1.amazonaws.com", region: "eu-west-1" }
 * ```
 */
export function resolveCognitoEndpoint(options: CognitoEndpointOptions, sources: SettingSources): { url: string; region: string } {
  const region = options.region || resolveSetting(REGION, sources).value || undefined;
  // A region is needed even for a custom endpoint, as in botocore and the SDK.
  if (!region) {
    throw new CredchainError({
      code: "NoRegion",
      source: "cognito-identity",
      message: "Cognito Identity needs a region: set clientConfig.region, the calling client's region, AWS_REGION, or the profile's region",
    });
  }
  checkRegionName(region, "region", "cognito-identity");
  const custom = resolveEndpointUrl("cognito_identity", sources, options.endpointUrl).value;
  if (custom) return { url: custom, region };
  const fips = resolveSetting(USE_FIPS_ENDPOINT, sources, options.useFipsEndpoint).value;
  const dualStack = resolveSetting(USE_DUALSTACK_ENDPOINT, sources, options.useDualstackEndpoint).value;
  const partition = partitionOf(region);
  const classic = partition.id === "aws" && (!fips || FIPS_DUALSTACK_CLASSIC.test(region));
  const suffix = dualStack && !classic ? partition.dualStackDnsSuffix : partition.dnsSuffix;
  return { url: `https://cognito-identity${fips ? "-fips" : ""}.${region}.${suffix}`, region };
}
