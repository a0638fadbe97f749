import type { CredentialProvider } from "@credchain/core/local";
import type { ProfileInit } from "./options.js";
import { readCredentialsFile } from "./load-shared-config.js";
import { profileCredentialsProvider } from "./profile-credentials.js";

export type SharedCredentialsFileInit = ProfileInit;

/**
 * Static keys from the shared credentials file (AWS_SHARED_CREDENTIALS_FILE, else
 * `~/.aws/credentials`), as botocore's SharedCredentialProvider (source
 * `shared-credentials-file`). Sections are profile names as written: `[dev]` is profile `dev`
 * (`[profile dev]` there is a profile named "profile dev").
 *
 * Reads `aws_access_key_id`, `aws_secret_access_key`, `aws_security_token` or
 * `aws_session_token` (the first wins, as in botocore) and `aws_account_id`. No file, no such
 * profile, or no `aws_access_key_id` in it: `notFound` (the chain moves on). An access key
 * without a secret: `PartialCredentials`. A file that does not parse: `ConfigParse`.
 *
 * @example
 * ```ts
 * import { fromSharedCredentialsFile } from "@credchain/provider-ini";
 *
 * const creds = await fromSharedCredentialsFile({ profile: "dev" })();
 * ```
 */
export function fromSharedCredentialsFile(init: SharedCredentialsFileInit = {}): CredentialProvider {
  return profileCredentialsProvider(init, {
    source: "shared-credentials-file",
    kind: "credentials file",
    pick: (config) => config.credentialsFile,
    read: readCredentialsFile,
  });
}
