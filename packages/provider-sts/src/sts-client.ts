import { createCredentials, CredchainError, MAX_ATTEMPTS, parseTimestamp, resolveSetting, type Credentials, type CredentialSource, type ProviderCallOptions, type ProviderContextInit } from "@credchain/core/local";
import { resolveContext } from "@credchain/core";
import { AWS_API_FIELD_NAMES, NOT_A_TIMESTAMP } from "@credchain/core/internal";
import { accountIdFromArn, parseStsCredentials } from "./parse-sts-response.js";
import { resolveStsEndpoint, type StsEndpointConfig } from "./resolve-sts-endpoint.js";
import { DEFAULT_STS_MAX_ATTEMPTS, defaultSleep } from "./retry.js";
import { callSts, type CallSettings, type SigningCredentials } from "./sts-call.js";
import { encodeQuery, type QueryValue } from "./sts-query.js";
import { xmlText } from "./xml.js";

/** botocore's default read timeout (60 s), for the whole exchange of one attempt. */
export const DEFAULT_STS_TIMEOUT_MS = 60_000;

export interface StsClientInit extends ProviderContextInit, StsEndpointConfig {
  /**
   * Signs AssumeRole, GetSessionToken and GetCallerIdentity: static keys, or a provider (any
   * `CredentialProvider`) called once per operation.
   */
  credentials?: SigningCredentials | ((options?: ProviderCallOptions) => Promise<SigningCredentials>) | undefined;
  /** Attempts in all for throttling, 5xx and network faults. Default: env AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else 3 (botocore's standard retry mode). */
  maxAttempts?: number | undefined;
  /** Per attempt. Default: 60000 (botocore's read timeout). */
  timeoutMs?: number | undefined;
  /** How to wait between attempts; tests inject an instant one. Default: `setTimeout`, cut short by the signal. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** The jitter source, in [0, 1). Default: `Math.random`. */
  random?: (() => number) | undefined;
  /** `User-Agent` header. Default: `credchain-provider-sts`. */
  userAgent?: string | undefined;
  /** The source named on errors (the providers set theirs). */
  source?: CredentialSource | undefined;
}

export interface PolicyDescriptor {
  arn: string;
}

export interface StsTag {
  key: string;
  value: string;
}

export interface AssumeRoleParams {
  roleArn: string;
  roleSessionName: string;
  externalId?: string | undefined;
  durationSeconds?: number | undefined;
  /** The MFA device (SerialNumber); needs `tokenCode`. */
  serialNumber?: string | undefined;
  tokenCode?: string | undefined;
  /** An inline session policy (JSON text). */
  policy?: string | undefined;
  /** Managed session policies, as ARNs or `{ arn }`. */
  policyArns?: (string | PolicyDescriptor)[] | undefined;
  sourceIdentity?: string | undefined;
  /** Session tags, as a list or a `{ key: value }` record. */
  tags?: StsTag[] | Record<string, string> | undefined;
  transitiveTagKeys?: string[] | undefined;
}

export interface GetSessionTokenParams {
  durationSeconds?: number | undefined;
  serialNumber?: string | undefined;
  tokenCode?: string | undefined;
}

export interface AssumeRoleWithWebIdentityParams {
  roleArn: string;
  roleSessionName: string;
  webIdentityToken: string;
  providerId?: string | undefined;
  durationSeconds?: number | undefined;
  policy?: string | undefined;
  policyArns?: (string | PolicyDescriptor)[] | undefined;
}

export interface AssumedRoleUser {
  arn: string;
  assumedRoleId: string;
}

export interface AssumeRoleResult {
  /** Source `assume-role`, with `expiration` and the `accountId` from the assumed role's ARN. */
  credentials: Credentials;
  assumedRoleUser: AssumedRoleUser | undefined;
  packedPolicySize: number | undefined;
  sourceIdentity: string | undefined;
}

export interface AssumeRoleWithWebIdentityResult extends AssumeRoleResult {
  subjectFromWebIdentityToken: string | undefined;
  provider: string | undefined;
  audience: string | undefined;
}

export interface GetSessionTokenResult {
  /** Source `explicit` (no provider of the default chain makes these), with `expiration`. */
  credentials: Credentials;
}

export interface GetCallerIdentityResult {
  account: string;
  arn: string;
  userId: string;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** The four STS operations credential resolution needs. */
export interface StsClient {
  assumeRole(params: AssumeRoleParams, options?: CallOptions): Promise<AssumeRoleResult>;
  getSessionToken(params?: GetSessionTokenParams, options?: CallOptions): Promise<GetSessionTokenResult>;
  /** Unsigned: the web identity token is the credential. */
  assumeRoleWithWebIdentity(params: AssumeRoleWithWebIdentityParams, options?: CallOptions): Promise<AssumeRoleWithWebIdentityResult>;
  getCallerIdentity(options?: CallOptions): Promise<GetCallerIdentityResult>;
}

/**
 * An STS Query API client: SigV4 over `node:crypto` (./sigv4.ts), the
 * endpoint resolved as botocore 1.43 resolves it, botocore's standard retries (3 attempts,
 * full-jitter backoff) for throttling, 5xx and network faults. A refusal is a
 * `CredentialRetrieval` error whose message carries the STS code and whose `cause` is an
 * `StsServiceError` (`stsCode`, `status`, `requestId`).
 *
 * @example
 * ```ts
 * import { createStsClient } from "@credchain/provider-sts";
 *
 * const sts = createStsClient({ region: "eu-west-1", credentials: { accessKeyId, secretAccessKey } });
 * const { arn } = await sts.getCallerIdentity();
 * const { credentials } = await sts.assumeRole({ roleArn: "arn:aws:iam::123456789012:role/dev", roleSessionName: "me" });
 * ```
 */
export function createStsClient(init: StsClientInit = {}): StsClient {
  const ctx = resolveContext(init);
  const source = init.source;

  const settings = (): CallSettings => ({
    ctx,
    endpoint: resolveStsEndpoint(init, ctx.env, source),
    maxAttempts: Math.max(1, resolveSetting(MAX_ATTEMPTS, { env: ctx.env, profile: init.profileSettings, source }, init.maxAttempts).value ?? DEFAULT_STS_MAX_ATTEMPTS),
    timeoutMs: init.timeoutMs ?? DEFAULT_STS_TIMEOUT_MS,
    sleep: init.sleep ?? defaultSleep,
    random: init.random ?? Math.random,
    userAgent: init.userAgent ?? "credchain-provider-sts",
    source,
  });

  const signingCredentials = async (action: string, signal: AbortSignal | undefined): Promise<SigningCredentials> => {
    const given = init.credentials;
    if (given === undefined) {
      throw new CredchainError({ code: "NoCredentials", message: `STS ${action} needs credentials to sign with, and none were given`, source });
    }
    return typeof given === "function" ? given(signal ? { signal } : undefined) : given;
  };

  const call = async (action: string, params: Record<string, QueryValue>, signed: boolean, options: CallOptions | undefined) => {
    const s = settings();
    const credentials = signed ? await signingCredentials(action, options?.signal) : undefined;
    const body = await callSts(s, action, encodeQuery(action, params), credentials, options?.signal);
    ctx.logger.debug(`sts: ${action} at ${s.endpoint.url}`);
    return { body, url: s.endpoint.url };
  };

  const garbage = (action: string, url: string, what: string, key?: string) =>
    // Never quote the body: it may be credentials cut short.
    new CredchainError({ code: "CredentialRetrieval", message: `STS ${action} at ${url} answered 200 ${what}`, source, status: 200, key });

  const credentialsFrom = (action: string, url: string, body: string, credSource: CredentialSource, accountId: string | undefined) => {
    const raw = parseStsCredentials(body, `${action}Result`);
    if (!raw) throw garbage(action, url, "without Credentials (AccessKeyId, SecretAccessKey, SessionToken, Expiration)");
    const expiration = parseTimestamp(raw.expiration);
    if (!expiration) throw garbage(action, url, `with an Expiration that ${NOT_A_TIMESTAMP}`, "Expiration");
    return createCredentials(
      { ...raw, expiration, accountId, source: credSource },
      { ...AWS_API_FIELD_NAMES, accountId: "AssumedRoleUser.Arn", where: `the ${action} answer from ${url}` },
    );
  };

  const roleResult = (action: string, url: string, body: string, credSource: CredentialSource): AssumeRoleResult => {
    const result = `${action}Result`;
    const arn = xmlText(body, [result, "AssumedRoleUser", "Arn"]);
    const assumedRoleId = xmlText(body, [result, "AssumedRoleUser", "AssumedRoleId"]);
    const packed = xmlText(body, [result, "PackedPolicySize"]);
    return {
      credentials: credentialsFrom(action, url, body, credSource, accountIdFromArn(arn)),
      assumedRoleUser: arn !== undefined ? { arn, assumedRoleId: assumedRoleId ?? "" } : undefined,
      packedPolicySize: packed === undefined ? undefined : Number(packed),
      sourceIdentity: xmlText(body, [result, "SourceIdentity"]),
    };
  };

  return {
    async assumeRole(p, options) {
      const { body, url } = await call(
        "AssumeRole",
        {
          RoleArn: p.roleArn,
          RoleSessionName: p.roleSessionName,
          PolicyArns: policyArns(p.policyArns),
          Policy: p.policy,
          DurationSeconds: p.durationSeconds,
          Tags: tags(p.tags),
          TransitiveTagKeys: p.transitiveTagKeys,
          ExternalId: p.externalId,
          SerialNumber: p.serialNumber,
          TokenCode: p.tokenCode,
          SourceIdentity: p.sourceIdentity,
        },
        true,
        options,
      );
      return roleResult("AssumeRole", url, body, source ?? "assume-role");
    },

    async getSessionToken(p = {}, options) {
      const params = { DurationSeconds: p.durationSeconds, SerialNumber: p.serialNumber, TokenCode: p.tokenCode };
      const { body, url } = await call("GetSessionToken", params, true, options);
      return { credentials: credentialsFrom("GetSessionToken", url, body, source ?? "explicit", undefined) };
    },

    async assumeRoleWithWebIdentity(p, options) {
      const { body, url } = await call(
        "AssumeRoleWithWebIdentity",
        {
          RoleArn: p.roleArn,
          RoleSessionName: p.roleSessionName,
          WebIdentityToken: p.webIdentityToken,
          ProviderId: p.providerId,
          PolicyArns: policyArns(p.policyArns),
          Policy: p.policy,
          DurationSeconds: p.durationSeconds,
        },
        false,
        options,
      );
      const result = "AssumeRoleWithWebIdentityResult";
      return {
        ...roleResult("AssumeRoleWithWebIdentity", url, body, source ?? "assume-role-with-web-identity"),
        subjectFromWebIdentityToken: xmlText(body, [result, "SubjectFromWebIdentityToken"]),
        provider: xmlText(body, [result, "Provider"]),
        audience: xmlText(body, [result, "Audience"]),
      };
    },

    async getCallerIdentity(options) {
      const { body, url } = await call("GetCallerIdentity", {}, true, options);
      const result = "GetCallerIdentityResult";
      const arn = xmlText(body, [result, "Arn"]);
      const account = xmlText(body, [result, "Account"]);
      const userId = xmlText(body, [result, "UserId"]);
      if (arn === undefined || account === undefined || userId === undefined) throw garbage("GetCallerIdentity", url, "without Arn, Account and UserId");
      return { account, arn, userId };
    },
  };
}

function policyArns(arns: (string | PolicyDescriptor)[] | undefined): QueryValue {
  return arns?.map((a) => ({ arn: typeof a === "string" ? a : a.arn }));
}

function tags(t: StsTag[] | Record<string, string> | undefined): QueryValue {
  if (t === undefined) return undefined;
  const list = Array.isArray(t) ? t : Object.entries(t).map(([key, value]) => ({ key, value }));
  return list.map(({ key, value }) => ({ Key: key, Value: value }));
}
