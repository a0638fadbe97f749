import { CredchainError } from "@credchain/core";
import type { InstanceMetadataInit } from "@credchain/provider-imds";
import type { Profile } from "@credchain/provider-ini";

export type ImdsChainOptions = Omit<InstanceMetadataInit, "env" | "homedir" | "readFile" | "now" | "logger" | "transport">;

/** Python's `int()` on a config string, as botocore converts these settings. */
const PY_INT = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * The profile's instance-metadata settings: the config-file layer under the env vars (the
 * provider lets AWS_METADATA_SERVICE_TIMEOUT & co. win, as botocore does).
 */
export function imdsOptionsFromProfile(name: string, profile: Profile, file: string): ImdsChainOptions {
  const text = (key: string): string | undefined => {
    const v = profile[key];
    return typeof v === "string" ? v : undefined;
  };
  const int = (key: string): number | undefined => {
    const v = text(key);
    if (v === undefined) return undefined;
    if (!PY_INT.test(v)) {
      throw new CredchainError({
        code: "InvalidConfig",
        message: `${key} in profile "${name}" of ${file} must be a whole number, got ${JSON.stringify(v)}`,
        source: "iam-role",
        file,
        profile: name,
        key,
      });
    }
    return Number(v.trim().replaceAll("_", ""));
  };
  const out: ImdsChainOptions = {};
  const endpoint = text("ec2_metadata_service_endpoint");
  if (endpoint !== undefined) out.endpoint = endpoint;
  const mode = text("ec2_metadata_service_endpoint_mode");
  if (mode !== undefined) out.endpointMode = mode;
  const useIpv6 = text("imds_use_ipv6");
  if (useIpv6 !== undefined) out.useIpv6 = useIpv6.toLowerCase() === "true";
  const timeout = int("metadata_service_timeout");
  if (timeout !== undefined) out.timeoutMs = timeout * 1000;
  const attempts = int("metadata_service_num_attempts");
  if (attempts !== undefined) out.maxAttempts = attempts;
  const v1 = text("ec2_metadata_v1_disabled");
  if (v1 !== undefined) out.v1Disabled = v1.toLowerCase() === "true";
  const role = text("ec2_instance_profile_name");
  if (role !== undefined) out.instanceProfileName = role;
  return out;
}
