import type { ProfileSettings } from "@credchain/core/local";
import type { SharedConfig } from "./load-shared-config.js";

/**
 * The config-file layer of settings for a profile, as botocore's scoped config: its keys (the
 * credentials file's over the config file's) and the config file's `[services]` sections. Pass it
 * as `profileSettings` to the STS, SSO and IMDS providers; env vars still win over it.
 *
 * @example
 * ```ts
 * import { fromInstanceMetadata } from "@credchain/provider-imds";
 * import { loadSharedConfig, profileSettings } from "@credchain/provider-ini";
 *
 * const config = await loadSharedConfig();
 * const provider = fromInstanceMetadata({ profileSettings: profileSettings(config, "dev") });
 * ```
 */
export function profileSettings(config: SharedConfig, name: string): ProfileSettings {
  return {
    name,
    values: Object.hasOwn(config.profiles, name) ? (config.profiles[name] as SharedConfig["profiles"][string]) : {},
    services: config.configFile.services,
    file: config.configFile.path,
  };
}
