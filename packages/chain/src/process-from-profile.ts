import { CredchainError, notFound, type CredentialProvider, type ProviderContextInit } from "@credchain/core";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import { fromProcess, type ProcessInit } from "@credchain/provider-process";

export type ProcessChainOptions = Pick<ProcessInit, "timeoutMs" | "maxOutputBytes">;

/**
 * botocore's ProcessProvider reads `credential_process` from the merged profile (either file);
 * a profile without it is not here.
 */
export function processFromProfile(
  name: string,
  profile: Profile,
  config: SharedConfig,
  init: ProviderContextInit & ProcessChainOptions,
): CredentialProvider {
  const command = profile.credential_process;
  const files = [config.configFile.path, config.credentialsFile.path];
  if (command === undefined) {
    return async () => {
      throw notFound("custom-process", `profile "${name}" has no credential_process`, { files, profile: name });
    };
  }
  if (typeof command !== "string") {
    return async () => {
      throw new CredchainError({
        code: "InvalidConfig",
        message: `credential_process in profile "${name}" is a sub-section (indented lines), not a command`,
        source: "custom-process",
        profile: name,
        key: "credential_process",
      });
    };
  }
  // botocore falls back to the profile's aws_account_id when the output has none.
  const accountId = typeof profile.aws_account_id === "string" ? profile.aws_account_id : undefined;
  return fromProcess({ ...init, command, profile: name, ...(accountId !== undefined && { accountId }) });
}
