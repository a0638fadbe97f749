import type { Profile, SharedConfig } from "@credchain/provider-ini";
import type { StsEndpointConfig } from "@credchain/provider-sts";

const text = (profile: Profile | undefined, key: string): string | undefined => {
  const v = profile?.[key];
  return typeof v === "string" ? v : undefined;
};

/**
 * The STS endpoint settings of the session's profile, as botocore's STS client reads them: the
 * profile's endpoint_url, its `services` section's `sts.endpoint_url`, sts_regional_endpoints,
 * use_fips_endpoint, use_dualstack_endpoint (each env var still wins inside provider-sts).
 */
export function stsConfigFromProfile(profile: Profile, config: SharedConfig, region: string | undefined): StsEndpointConfig {
  const servicesName = text(profile, "services");
  const sts = servicesName === undefined ? undefined : config.configFile.services[servicesName]?.sts;
  const out: StsEndpointConfig = {};
  if (region !== undefined) out.region = region;
  const serviceEndpointUrl = typeof sts === "object" ? sts.endpoint_url : undefined;
  if (serviceEndpointUrl !== undefined) out.serviceEndpointUrl = serviceEndpointUrl;
  const pairs: [keyof StsEndpointConfig, string][] = [
    ["profileEndpointUrl", "endpoint_url"],
    ["ignoreConfiguredEndpointUrls", "ignore_configured_endpoint_urls"],
    ["stsRegionalEndpoints", "sts_regional_endpoints"],
    ["useFipsEndpoint", "use_fips_endpoint"],
    ["useDualstackEndpoint", "use_dualstack_endpoint"],
  ];
  for (const [option, key] of pairs) {
    const v = text(profile, key);
    if (v !== undefined) (out as Record<string, string>)[option] = v;
  }
  return out;
}
