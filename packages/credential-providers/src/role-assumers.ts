import type { Credentials } from "@credchain/core";
import type { AssumeRoleParams as StsAssumeRoleParams, AssumeRoleWithWebIdentityParams as StsWebIdentityParams } from "@credchain/provider-sts";
import { fromSdkCredentials, type SdkCredentialIdentity } from "./sdk-credentials.js";
import type { AwsCredentials } from "./types.js";

/** The AWS SDK's AssumeRole input, as its `roleAssumer` receives it. */
export interface AssumeRoleParams {
  RoleArn: string;
  RoleSessionName: string;
  ExternalId?: string | undefined;
  SerialNumber?: string | undefined;
  TokenCode?: string | undefined;
  DurationSeconds?: number | undefined;
}

/** The AWS SDK's AssumeRoleWithWebIdentity input, as its `roleAssumerWithWebIdentity` receives it. */
export interface AssumeRoleWithWebIdentityParams {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string | undefined;
  PolicyArns?: { arn?: string | undefined }[] | undefined;
  Policy?: string | undefined;
  DurationSeconds?: number | undefined;
}

/** The SDK's `roleAssumer`: assumes a role with the source credentials, in code. */
export type RoleAssumer = (sourceCreds: AwsCredentials, params: AssumeRoleParams) => Promise<SdkCredentialIdentity>;
/** The SDK's `roleAssumerWithWebIdentity`. */
export type RoleAssumerWithWebIdentity = (params: AssumeRoleWithWebIdentityParams) => Promise<SdkCredentialIdentity>;
/** The SDK's `mfaCodeProvider`: the code of the MFA device with this serial number. */
export type MfaCodeProvider = (mfaSerial: string) => Promise<string>;

/** STS's default session length, which the SDK always passes to a `roleAssumer`. */
const DEFAULT_DURATION_SECONDS = 3600;

/**
 * The SDK's `roleAssumer` as credchain's `assumeRole` hook: the request in the SDK's shape, its
 * answer checked and made credchain credentials of source `assume-role`.
 *
 * @example
 * ```ts
 * profileChain({ sts: { assumeRole: assumeRoleHook(init.roleAssumer) } });
 * ```
 */
export function assumeRoleHook(roleAssumer: RoleAssumer): (params: StsAssumeRoleParams, source: Credentials) => Promise<Credentials> {
  return async (p, source) => {
    const params: AssumeRoleParams = {
      RoleArn: p.roleArn,
      RoleSessionName: p.roleSessionName,
      ExternalId: p.externalId,
      DurationSeconds: p.durationSeconds ?? DEFAULT_DURATION_SECONDS,
      ...(p.serialNumber !== undefined && { SerialNumber: p.serialNumber, TokenCode: p.tokenCode }),
    };
    return fromSdkCredentials(await roleAssumer(source, params), "assume-role", "roleAssumer");
  };
}

/** The SDK's `roleAssumerWithWebIdentity` as credchain's `assumeRoleWithWebIdentity` hook. */
export function webIdentityHook(roleAssumer: RoleAssumerWithWebIdentity): (params: StsWebIdentityParams) => Promise<Credentials> {
  return async (p) => {
    const params: AssumeRoleWithWebIdentityParams = {
      RoleArn: p.roleArn,
      RoleSessionName: p.roleSessionName,
      WebIdentityToken: p.webIdentityToken,
      ProviderId: p.providerId,
      PolicyArns: p.policyArns?.map((a) => ({ arn: typeof a === "string" ? a : a.arn })),
      Policy: p.policy,
      DurationSeconds: p.durationSeconds,
    };
    return fromSdkCredentials(await roleAssumer(params), "assume-role-with-web-identity", "roleAssumerWithWebIdentity");
  };
}

/** The SDK's `mfaCodeProvider(serial)` as the chain's `mfaCode({ serialNumber })`. */
export function mfaCodeHook(provider: MfaCodeProvider): (request: { serialNumber: string }) => Promise<string> {
  return ({ serialNumber }) => provider(serialNumber);
}
