import { CredchainError, type CredentialProvider, type Credentials } from "@credchain/core/local";
import { createStsClient, type AssumeRoleParams, type StsClientInit } from "./sts-client.js";
import { generatedSessionName, validateRoleRequest } from "./validate.js";

export interface AssumeRoleInit extends Omit<StsClientInit, "credentials" | "source"> {
  /** Signs the AssumeRole call: another provider (a profile, env, IMDS, an assumed role for chaining). */
  sourceCredentials: CredentialProvider;
  /** Profile `role_arn`. */
  roleArn: string;
  /** Profile `role_session_name`. Default: `botocore-session-<epoch seconds>`, fixed when the provider is made. */
  roleSessionName?: string | undefined;
  /** Profile `external_id`. */
  externalId?: string | undefined;
  /** Profile `duration_seconds`, 900..43200. Default: STS's (3600). */
  durationSeconds?: number | undefined;
  /** Profile `mfa_serial`; needs `tokenCode`. */
  mfaSerial?: string | undefined;
  /** Asked for the MFA code on every call (botocore prompts with getpass). */
  tokenCode?: (() => Promise<string> | string) | undefined;
  /** The profile the role comes from, for messages (the chain sets it). */
  profile?: string | undefined;
  policy?: string | undefined;
  policyArns?: AssumeRoleParams["policyArns"];
  sourceIdentity?: string | undefined;
  tags?: AssumeRoleParams["tags"];
  transitiveTagKeys?: string[] | undefined;
  /**
   * Assumes the role instead of credchain's STS client (the AWS SDK's `roleAssumer`): given the
   * request and the source credentials, it returns the role's credentials (made with core's
   * `createCredentials`, source `assume-role`). Default: STS AssumeRole.
   */
  assumeRole?: ((params: AssumeRoleParams, sourceCredentials: Credentials) => Promise<Credentials>) | undefined;
}

const SOURCE = "assume-role";

/**
 * Credentials for a role, from STS AssumeRole signed with `sourceCredentials` — botocore's
 * AssumeRoleProvider minus the profile reading (the chain does that). Every call assumes the role
 * again; wrap it in `withRefresh` to cache. The credentials carry `expiration` and the
 * `accountId` of the assumed role's ARN.
 *
 * A malformed role ARN, session name or duration, or `mfaSerial` without `tokenCode`:
 * `InvalidConfig` before any request. STS refusing: `CredentialRetrieval` naming the STS code.
 *
 * @example
 * ```ts
 * import { fromAssumeRole } from "@credchain/provider-sts";
 * import { fromEnv } from "@credchain/provider-env";
 *
 * const provider = fromAssumeRole({ sourceCredentials: fromEnv(), roleArn: "arn:aws:iam::123456789012:role/dev", region: "eu-west-1" });
 * const { accessKeyId, expiration, accountId } = await provider();
 * ```
 */
export function fromAssumeRole(init: AssumeRoleInit): CredentialProvider {
  const client = createStsClient({ ...init, credentials: init.sourceCredentials, source: SOURCE });
  const roleSessionName = init.roleSessionName || generatedSessionName((init.now ?? Date.now)());

  return async (options) => {
    validateRoleRequest(SOURCE, { roleArn: init.roleArn, roleSessionName, durationSeconds: init.durationSeconds });
    let tokenCode: string | undefined;
    if (init.mfaSerial !== undefined) {
      if (init.tokenCode === undefined) {
        const profile = init.profile === undefined ? "" : `profile "${init.profile}" `;
        throw new CredchainError({
          code: "InvalidConfig",
          message:
            `${profile}needs an MFA code for ${init.mfaSerial} (mfa_serial) to assume ${init.roleArn}, and nothing was given to ask for it: ` +
            "pass tokenCode (defaultChain: the mfaCode option; the CLI prompts for it)",
          source: SOURCE,
          profile: init.profile,
          key: "mfa_serial",
        });
      }
      tokenCode = await init.tokenCode();
    }
    const params: AssumeRoleParams = {
      roleArn: init.roleArn,
      roleSessionName,
      externalId: init.externalId,
      durationSeconds: init.durationSeconds,
      serialNumber: init.mfaSerial,
      tokenCode,
      policy: init.policy,
      policyArns: init.policyArns,
      sourceIdentity: init.sourceIdentity,
      tags: init.tags,
      transitiveTagKeys: init.transitiveTagKeys,
    };
    if (init.assumeRole) return init.assumeRole(params, await init.sourceCredentials(options));
    const { credentials } = await client.assumeRole(params, { signal: options?.signal });
    return credentials;
  };
}
