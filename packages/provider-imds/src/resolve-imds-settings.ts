import { resolveSetting, type Env, type Setting } from "@credchain/core/local";
import {
  EC2_INSTANCE_PROFILE_NAME,
  EC2_METADATA_SERVICE_ENDPOINT,
  EC2_METADATA_SERVICE_ENDPOINT_MODE,
  EC2_METADATA_V1_DISABLED,
  IMDS_USE_IPV6,
  METADATA_SERVICE_NUM_ATTEMPTS,
  METADATA_SERVICE_TIMEOUT,
  ensureBoolean,
} from "@credchain/core/internal";
import { SOURCE } from "./imds-client.js";
import { resolveImdsEndpoint, type ImdsEndpoint, type ImdsEndpointOptions } from "./resolve-imds-endpoint.js";

/** `true` (any case) turns IMDS off: the provider finds nothing. */
export const AWS_EC2_METADATA_DISABLED = "AWS_EC2_METADATA_DISABLED";
/** Whole seconds per request (config `metadata_service_timeout`). */
export const AWS_METADATA_SERVICE_TIMEOUT = "AWS_METADATA_SERVICE_TIMEOUT";
/** Attempts per request (config `metadata_service_num_attempts`). */
export const AWS_METADATA_SERVICE_NUM_ATTEMPTS = "AWS_METADATA_SERVICE_NUM_ATTEMPTS";
/** `true` (any case) refuses IMDSv1 (config `ec2_metadata_v1_disabled`). */
export const AWS_EC2_METADATA_V1_DISABLED = "AWS_EC2_METADATA_V1_DISABLED";
/** The role to ask for, skipping the role listing (config `ec2_instance_profile_name`). */
export const AWS_EC2_INSTANCE_PROFILE_NAME = "AWS_EC2_INSTANCE_PROFILE_NAME";

/** The rows of core's settings table the IMDS provider reads (AWS_EC2_METADATA_DISABLED is env only, outside botocore's config chain). */
export const IMDS_SETTINGS: readonly Setting<unknown>[] = [
  EC2_METADATA_SERVICE_ENDPOINT,
  EC2_METADATA_SERVICE_ENDPOINT_MODE,
  IMDS_USE_IPV6,
  METADATA_SERVICE_TIMEOUT,
  METADATA_SERVICE_NUM_ATTEMPTS,
  EC2_METADATA_V1_DISABLED,
  EC2_INSTANCE_PROFILE_NAME,
];

/** botocore's DEFAULT_METADATA_SERVICE_TIMEOUT (1 s). */
export const DEFAULT_IMDS_TIMEOUT_MS = 1000;
/** botocore's default `metadata_service_num_attempts`. */
export const DEFAULT_IMDS_MAX_ATTEMPTS = 1;

/** Every IMDS setting: the option, else its env var, else the profile's key (`profileSettings`), else the default. */
export interface ImdsSettingsOptions extends ImdsEndpointOptions {
  /** In ms here. Env AWS_METADATA_SERVICE_TIMEOUT (seconds), config `metadata_service_timeout`. Default: 1000. */
  timeoutMs?: number | undefined;
  /** Env AWS_METADATA_SERVICE_NUM_ATTEMPTS, config `metadata_service_num_attempts`. Default: 1. */
  maxAttempts?: number | undefined;
  /** Env AWS_EC2_METADATA_V1_DISABLED, config `ec2_metadata_v1_disabled`. Default: false. */
  v1Disabled?: boolean | undefined;
  /** Env AWS_EC2_INSTANCE_PROFILE_NAME, config `ec2_instance_profile_name`. Default: the role IMDS lists. */
  instanceProfileName?: string | undefined;
}

export interface ImdsSettings {
  disabled: boolean;
  endpoint: ImdsEndpoint;
  timeoutMs: number;
  maxAttempts: number;
  v1Disabled: boolean;
  instanceProfileName: string | undefined;
}

/**
 * Every setting of the IMDS provider through core's `resolveSetting` (option, env, profile,
 * default: botocore's config chain with the option first). Numbers from env or a file are read
 * as Python's `int()` does; anything else (`1.5`, `abc`) throws `InvalidConfig` naming where it
 * came from, where botocore raises ValueError.
 *
 * @example
 * ```ts
 * resolveImdsSettings({ AWS_METADATA_SERVICE_TIMEOUT: "2" }).timeoutMs; // 2000
 * ```
 */
export function resolveImdsSettings(env: Env, options: ImdsSettingsOptions = {}): ImdsSettings {
  const sources = { env, profile: options.profileSettings, source: SOURCE };
  const get = <T>(setting: Setting<T>, option?: T) => resolveSetting(setting, sources, option).value!;
  const { timeoutMs } = options;
  return {
    // botocore reads this one switch from env only, outside its config chain.
    disabled: ensureBoolean(env[AWS_EC2_METADATA_DISABLED]),
    endpoint: resolveImdsEndpoint(env, options),
    timeoutMs: get(METADATA_SERVICE_TIMEOUT, timeoutMs && timeoutMs / 1000) * 1000,
    maxAttempts: get(METADATA_SERVICE_NUM_ATTEMPTS, options.maxAttempts),
    v1Disabled: get(EC2_METADATA_V1_DISABLED, options.v1Disabled),
    // An empty name means "not configured", as the SDKs that read it treat it.
    instanceProfileName: get(EC2_INSTANCE_PROFILE_NAME, options.instanceProfileName) || undefined,
  };
}
