import { fromEnv as envProvider } from "@credchain/provider-env";
import { withCredentialScope } from "./sdk-credentials.js";
import type { AwsCredentialProvider, CredentialProviderOptions } from "./types.js";

/** The variable the AWS SDK reads the credential scope from (botocore has none). */
export const AWS_CREDENTIAL_SCOPE = "AWS_CREDENTIAL_SCOPE";

/** Options of {@link fromEnv}: the SDK's `FromEnvInit` (`logger`), and credchain's `env`. */
export type FromEnvInit = Pick<CredentialProviderOptions, "logger" | "env" | "parentClientConfig">;

/**
 * The AWS SDK's `fromEnv`: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,
 * AWS_CREDENTIAL_EXPIRATION, AWS_CREDENTIAL_SCOPE and AWS_ACCOUNT_ID, read on every call, with
 * botocore's answers (`@credchain/provider-env`): a key id without its secret is
 * `PartialCredentials` (the SDK moves on as if neither were set), AWS_SECURITY_TOKEN wins over
 * AWS_SESSION_TOKEN, an AWS_CREDENTIAL_EXPIRATION that is not an ISO 8601 time with a zone is
 * `InvalidConfig` (the SDK makes an Invalid Date of it). No key id: "not here" (`tryNextLink`).
 *
 * @example
 * ```ts
 * import { fromEnv } from "@credchain/credential-providers";
 *
 * const { accessKeyId, source } = await fromEnv()(); // source "env"
 * ```
 */
export function fromEnv(init: FromEnvInit = {}): AwsCredentialProvider {
  const provider = envProvider(init);
  const env = init.env ?? process.env;
  return async (props) => withCredentialScope(await provider(props), env[AWS_CREDENTIAL_SCOPE], AWS_CREDENTIAL_SCOPE);
}
