import type { Env } from "@credchain/core";
import { invalid, resolveImdsEndpoint, type ImdsEndpoint, type ImdsEndpointOptions } from "./resolve-imds-endpoint.js";

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

/** botocore's DEFAULT_METADATA_SERVICE_TIMEOUT (1 s). */
export const DEFAULT_IMDS_TIMEOUT_MS = 1000;
/** botocore's default `metadata_service_num_attempts`. */
export const DEFAULT_IMDS_MAX_ATTEMPTS = 1;

/** The config-file layer of every IMDS setting; each env var wins over its option, as in botocore. */
export interface ImdsSettingsOptions extends ImdsEndpointOptions {
  /** Config `metadata_service_timeout` (in ms here). Env: AWS_METADATA_SERVICE_TIMEOUT (seconds). Default: 1000. */
  timeoutMs?: number | undefined;
  /** Config `metadata_service_num_attempts`. Env: AWS_METADATA_SERVICE_NUM_ATTEMPTS. Default: 1. */
  maxAttempts?: number | undefined;
  /** Config `ec2_metadata_v1_disabled`. Env: AWS_EC2_METADATA_V1_DISABLED. Default: false. */
  v1Disabled?: boolean | undefined;
  /** Config `ec2_instance_profile_name`. Env: AWS_EC2_INSTANCE_PROFILE_NAME. Default: the role IMDS lists. */
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
 * Every setting of the IMDS provider, from env vars first and options second (botocore's config
 * chain: env over config file). Numbers in env vars are read as Python's `int()` does; anything
 * else (`1.5`, `abc`) throws `InvalidConfig`, where botocore raises ValueError.
 *
 * @example
 * ```ts
 * resolveImdsSettings({ AWS_METADATA_SERVICE_TIMEOUT: "2" }).timeoutMs; // 2000
 * ```
 */
export function resolveImdsSettings(env: Env, options: ImdsSettingsOptions = {}): ImdsSettings {
  const endpoint = resolveImdsEndpoint(env, options);
  const timeoutSeconds = pythonInt(env, AWS_METADATA_SERVICE_TIMEOUT);
  const v1 = env[AWS_EC2_METADATA_V1_DISABLED];
  const profileName = env[AWS_EC2_INSTANCE_PROFILE_NAME] ?? options.instanceProfileName;
  return {
    disabled: env[AWS_EC2_METADATA_DISABLED]?.toLowerCase() == "true",
    endpoint,
    timeoutMs: timeoutSeconds !== undefined ? timeoutSeconds * 1000 : (options.timeoutMs ?? DEFAULT_IMDS_TIMEOUT_MS),
    maxAttempts: pythonInt(env, AWS_METADATA_SERVICE_NUM_ATTEMPTS) ?? options.maxAttempts ?? DEFAULT_IMDS_MAX_ATTEMPTS,
    v1Disabled: v1 !== undefined ? v1.toLowerCase() == "true" : options.v1Disabled == true,
    // An empty name means "not configured", as the SDKs that read it treat it.
    instanceProfileName: profileName || undefined,
  };
}

function pythonInt(env: Env, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(raw)) throw invalid(name, `${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return +raw.replace(/_/g, "");
}
