import type { Credentials, Env } from "@credchain/core";
import { AWS_CREDENTIAL_SCOPE } from "./from-env.js";
import type { ProfileLoader } from "./profile-layer.js";
import { withCredentialScope } from "./sdk-credentials.js";
import type { AwsCredentials } from "./types.js";

/**
 * Credentials from a chain with the scope the AWS SDK would add: AWS_CREDENTIAL_SCOPE for env
 * keys, the profile's `aws_credential_scope` for static profile keys (botocore reads neither).
 *
 * @example
 * ```ts
 * const credentials = await withChainScope(await chain(), ctx.env, load, "dev");
 * ```
 */
export async function withChainScope(credentials: Credentials, env: Env, load: ProfileLoader, profile: string | undefined): Promise<AwsCredentials> {
  if (credentials.source === "env") return withCredentialScope(credentials, env[AWS_CREDENTIAL_SCOPE], AWS_CREDENTIAL_SCOPE);
  if (credentials.source !== "shared-credentials-file" && credentials.source !== "config-file") return credentials;
  const { name, values } = await load(profile);
  const scope = values.aws_credential_scope;
  return withCredentialScope(credentials, typeof scope === "string" ? scope : undefined, `aws_credential_scope of profile "${name}"`);
}
