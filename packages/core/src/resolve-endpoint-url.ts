import { CredchainError } from "./errors.js";
import { showName } from "./redact.js";
import { resolveSetting, type ResolvedSetting, type SettingSources } from "./resolve-setting.js";
import { endpointUrlSetting, IGNORE_CONFIGURED_ENDPOINT_URLS } from "./settings.js";

/**
 * The endpoint URL configured for a service, as botocore's ConfiguredEndpointProvider finds it:
 * the one given in code, else — unless `ignore_configured_endpoint_urls` is true (option, env,
 * profile) — `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the `[services NAME]` section the
 * profile names (`<service> =` then `endpoint_url = …` indented), the profile's `endpoint_url`.
 * Empty values count as unset. `value` is undefined when none is configured: the service's rules
 * decide. A profile naming a services section that is missing or empty is `InvalidConfig` once
 * the lookup reaches it (botocore: InvalidConfigError).
 *
 * @example
 * ```ts
 * import { resolveEndpointUrl } from "@credchain/core";
 *
 * resolveEndpointUrl("sts", { env: { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" } }).value; // "http://127.0.0.1:4566"
 * ```
 */
export function resolveEndpointUrl(
  service: string,
  sources: SettingSources,
  option?: string,
  ignoreConfigured?: boolean | string,
): ResolvedSetting<string> {
  const setting = endpointUrlSetting(service);
  const { profile } = sources;
  const ignore = resolveSetting(IGNORE_CONFIGURED_ENDPOINT_URLS, sources, ignoreConfigured).value;
  const fromEnv = resolveSetting(setting, { ...sources, profile: undefined }, option);
  if (ignore) return resolveSetting(setting, { env: {} }, option);
  const name = profile?.values.services;
  if (fromEnv.value !== undefined || typeof name != "string") return fromEnv.value !== undefined ? fromEnv : resolveSetting(setting, sources);
  const section = profile!.services?.[name];
  if (!section || Object.keys(section).length == 0) {
    throw new CredchainError({
      code: "InvalidConfig",
      message: `The profile "${showName(profile!.name)}" is configured to use the services section but the "${showName(name)}" services configuration does not exist.`,
      source: sources.source,
      profile: profile!.name,
      file: profile!.file,
      key: "services",
    });
  }
  const sub = section[service];
  const url = typeof sub == "object" && sub.endpoint_url;
  return url ? { value: url, from: `services "${name}" ${service}.endpoint_url` } : resolveSetting(setting, sources);
}
