import type { CredentialProvider } from "@credchain/core/local";
import type { ProfileInit } from "./options.js";
import { readConfigFile } from "./load-shared-config.js";
import { profileCredentialsProvider } from "./profile-credentials.js";

export type ConfigFileInit = ProfileInit;

/**
 * Static keys from the config file (AWS_CONFIG_FILE, else `~/.aws/config`), as botocore's
 * ConfigProvider (source `config-file`): profile `dev` is the section `[profile dev]`, `default`
 * is `[default]` or `[profile default]` (the later one in the file wins). Only the config file
 * is read; the credentials file has its own provider, {@link fromSharedCredentialsFile}.
 *
 * Same keys and outcomes as `fromSharedCredentialsFile`: no file, no such profile, or no
 * `aws_access_key_id`: `notFound`; an access key without a secret: `PartialCredentials`.
 *
 * @example
 * ```ts
 * import { fromConfigFile } from "@credchain/provider-ini";
 *
 * const creds = await fromConfigFile({ profile: "dev" })();
 * ```
 */
export function fromConfigFile(init: ConfigFileInit = {}): CredentialProvider {
  return profileCredentialsProvider(init, {
    source: "config-file",
    kind: "config file",
    pick: (config) => config.configFile,
    read: readConfigFile,
  });
}
