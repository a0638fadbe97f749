import { CredchainError, notFound, type CredentialProvider, type Credentials } from "@credchain/core/local";
import { resolveContext } from "@credchain/core";
import { describeReadError, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { createStsClient, type AssumeRoleWithWebIdentityParams, type StsClientInit } from "./sts-client.js";
import { generatedSessionName, validateRoleRequest } from "./validate.js";

export const AWS_WEB_IDENTITY_TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";
export const AWS_ROLE_ARN = "AWS_ROLE_ARN";
export const AWS_ROLE_SESSION_NAME = "AWS_ROLE_SESSION_NAME";

export interface WebIdentityInit extends Omit<StsClientInit, "credentials" | "source"> {
  /** Profile `role_arn`. Default: AWS_ROLE_ARN. */
  roleArn?: string | undefined;
  /**
   * Profile `web_identity_token_file`, read on every call (EKS and others rotate it); errors name
   * it as `web_identity_token_file`. Default: AWS_WEB_IDENTITY_TOKEN_FILE.
   */
  webIdentityTokenFile?: string | undefined;
  /** Profile `role_session_name`. Default: AWS_ROLE_SESSION_NAME, else `botocore-session-<epoch seconds>`. */
  roleSessionName?: string | undefined;
  durationSeconds?: number | undefined;
  providerId?: string | undefined;
  policy?: string | undefined;
  policyArns?: AssumeRoleWithWebIdentityParams["policyArns"];
  /**
   * Assumes the role instead of credchain's STS client (the AWS SDK's `roleAssumerWithWebIdentity`):
   * given the request, token included, it returns the role's credentials (made with core's
   * `createCredentials`, source `assume-role-with-web-identity`). Default: STS AssumeRoleWithWebIdentity.
   */
  assumeRoleWithWebIdentity?: ((params: AssumeRoleWithWebIdentityParams) => Promise<Credentials>) | undefined;
}

const SOURCE = "assume-role-with-web-identity";

/**
 * Credentials from STS AssumeRoleWithWebIdentity (unsigned: the token is the credential), as
 * botocore's AssumeRoleWithWebIdentityProvider: the token file is read on every call. Each
 * option falls back to its environment variable (to get botocore's env-over-profile order, the
 * chain passes profile values only where the variable is unset).
 *
 * No token file configured: `notFound` (the chain moves on). A token file without a role ARN,
 * a malformed role ARN or duration: `InvalidConfig`. A token file that is missing, not a regular
 * file (a directory, FIFO or device: never opened for reading, where botocore would hang) or over
 * 1 MiB (not read): `CredentialRetrieval`, naming the file and the setting that named it; an empty
 * one (under 4 characters): `InvalidConfig`, naming the file. STS refusing: `CredentialRetrieval` with the STS code.
 *
 * @example
 * ```ts
 * import { fromWebIdentity } from "@credchain/provider-sts";
 *
 * // In an EKS pod (IRSA) AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are set already.
 * const provider = fromWebIdentity({ region: "eu-west-1" });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromWebIdentity(init: WebIdentityInit = {}): CredentialProvider {
  const ctx = resolveContext(init);
  const client = createStsClient({ ...init, source: SOURCE });
  const generated = generatedSessionName(ctx.now());

  return async (options) => {
    const tokenFile = init.webIdentityTokenFile ?? ctx.env[AWS_WEB_IDENTITY_TOKEN_FILE];
    if (!tokenFile) {
      throw notFound(SOURCE, `${AWS_WEB_IDENTITY_TOKEN_FILE} is not set and no web_identity_token_file was given`, {
        envVars: [AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME],
      });
    }
    const roleArn = init.roleArn ?? ctx.env[AWS_ROLE_ARN];
    if (!roleArn) {
      throw new CredchainError({
        code: "InvalidConfig",
        message:
          `Assume role with web identity is configured (token file ${tokenFile}) but no role ARN is: ` +
          `set the profile's role_arn or ${AWS_ROLE_ARN}.`,
        source: SOURCE,
        key: "role_arn",
        file: tokenFile,
      });
    }
    const roleSessionName = init.roleSessionName || ctx.env[AWS_ROLE_SESSION_NAME] || generated;
    validateRoleRequest(SOURCE, { roleArn, roleSessionName, durationSeconds: init.durationSeconds });

    let webIdentityToken: string;
    try {
      webIdentityToken = await ctx.readFile(tokenFile, { maxBytes: TOKEN_FILE_MAX_BYTES });
    } catch (error) {
      // botocore raises the open's OSError (FileNotFoundError, IsADirectoryError) and hangs on a FIFO.
      const setting = init.webIdentityTokenFile === undefined ? AWS_WEB_IDENTITY_TOKEN_FILE : "web_identity_token_file";
      throw new CredchainError({
        code: "CredentialRetrieval",
        message: `Could not read the web identity token file ${tokenFile} (${setting}): it ${describeReadError(error)}`,
        source: SOURCE,
        file: tokenFile,
        key: setting,
        cause: error,
      });
    }
    // STS's minimum token length; botocore refuses shorter ones before calling (ParamValidationError).
    if (webIdentityToken.length < 4) {
      const what = webIdentityToken.length === 0 ? "is empty" : `holds ${webIdentityToken.length} characters; STS needs at least 4`;
      throw new CredchainError({ code: "InvalidConfig", message: `The web identity token file ${tokenFile} ${what}`, source: SOURCE, file: tokenFile });
    }
    const params: AssumeRoleWithWebIdentityParams = {
      roleArn,
      roleSessionName,
      webIdentityToken,
      providerId: init.providerId,
      durationSeconds: init.durationSeconds,
      policy: init.policy,
      policyArns: init.policyArns,
    };
    if (init.assumeRoleWithWebIdentity) return init.assumeRoleWithWebIdentity(params);
    const { credentials } = await client.assumeRoleWithWebIdentity(params, { signal: options?.signal });
    return credentials;
  };
}
