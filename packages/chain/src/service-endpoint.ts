import type { Env } from "@credchain/core";
import type { Profile, SharedConfig } from "@credchain/provider-ini";

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * The endpoint a profile configures for one service, as botocore 1.43 resolves it after the env
 * vars (which the providers read themselves): the profile's `services` section
 * (`<serviceKey> = \n  endpoint_url = …`), then the profile's own `endpoint_url`. Undefined when
 * an env var decides, or configured endpoints are ignored.
 */
export function configuredEndpoint(profile: Profile, config: SharedConfig, env: Env, envVar: string, serviceKey: string): string | undefined {
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? text(profile.ignore_configured_endpoint_urls);
  if (ignore?.toLowerCase() === "true") return undefined;
  if (env[envVar] || env.AWS_ENDPOINT_URL) return undefined;
  const servicesName = text(profile.services);
  const section = servicesName === undefined ? undefined : config.configFile.services[servicesName]?.[serviceKey];
  const fromServices = typeof section === "object" ? section.endpoint_url : undefined;
  return fromServices ?? text(profile.endpoint_url);
}
