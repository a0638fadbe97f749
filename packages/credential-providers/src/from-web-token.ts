import { CredchainError, resolveContext } from "@credchain/core";
import type { AssumeRoleWithWebIdentityParams as StsWebIdentityParams, StsClient } from "@credchain/provider-sts";
import { clientSettings, refuseSet } from "./client-config.js";
import { profileLoader } from "./profile-layer.js";
import { webIdentityHook, type RoleAssumerWithWebIdentity } from "./role-assumers.js";
import { memoByKey, settingsKey, stsCallSettings } from "./sts-settings.js";
import type { AwsCredentialProvider, ClientConfig, CredentialProviderOptions } from "./types.js";

/** The SDK's `FromWebTokenInit`: AssumeRoleWithWebIdentity's input in lower camel case, and the STS client's config. */
export interface FromWebTokenInit extends CredentialProviderOptions {
  roleArn: string;
  /** The OAuth 2.0 access token or OpenID Connect ID token. */
  webIdentityToken: string;
  /** Default: `botocore-session-<epoch seconds>`, fixed when the provider is made. */
  roleSessionName?: string | undefined;
  providerId?: string | undefined;
  policyArns?: { arn?: string | undefined }[] | undefined;
  policy?: string | undefined;
  durationSeconds?: number | undefined;
  /** Assumes the role in code instead of credchain's STS client. */
  roleAssumerWithWebIdentity?: RoleAssumerWithWebIdentity | undefined;
  /** The STS client's settings (region, profile, maxAttempts, endpoint, FIPS, dual-stack); other keys are refused. */
  clientConfig?: ClientConfig | undefined;
  /** Refused: credchain's STS client has no middleware stack. */
  clientPlugins?: unknown[] | undefined;
}

const SOURCE = "assume-role-with-web-identity";

/**
 * The AWS SDK's `fromWebToken`: STS AssumeRoleWithWebIdentity with a token given in code
 * (unsigned: the token is the credential), source `assume-role-with-web-identity`. The request
 * is checked as botocore checks it before calling (role ARN, session name, duration, a token of
 * at least 4 characters: `InvalidConfig`); STS is called in the region the SDK would use
 * (`clientConfig.region`, the calling client's region, env and the profile, then us-east-1), or
 * `roleAssumerWithWebIdentity` is. Each call calls STS; an SDK client caches the answer.
 *
 * @example
 * ```ts
 * import { fromWebToken } from "@credchain/credential-providers";
 *
 * const credentials = fromWebToken({ roleArn: "arn:aws:iam::123456789012:role/web", webIdentityToken: idToken });
 * ```
 */
export function fromWebToken(init: FromWebTokenInit): AwsCredentialProvider {
  refuseSet("fromWebToken", init, { clientPlugins: "credchain's STS client has no middleware stack to plug into" });
  const client = clientSettings("fromWebToken", init.clientConfig);
  const ctx = resolveContext(init);
  const load = profileLoader(ctx, {});
  const clients = memoByKey<StsClient>();
  const hook = init.roleAssumerWithWebIdentity && webIdentityHook(init.roleAssumerWithWebIdentity);
  let sessionName: string | undefined;
  return async (props) => {
    const sts = await import("./load-sts.js");
    sessionName ??= sts.generatedSessionName(ctx.now());
    const params: StsWebIdentityParams = {
      roleArn: init.roleArn,
      roleSessionName: init.roleSessionName || (sessionName as string),
      webIdentityToken: init.webIdentityToken,
      providerId: init.providerId,
      durationSeconds: init.durationSeconds,
      policy: init.policy,
      policyArns: init.policyArns?.map((p) => p.arn ?? ""),
    };
    sts.validateRoleRequest(SOURCE, params);
    if (typeof params.webIdentityToken !== "string" || params.webIdentityToken.length < 4) {
      throw new CredchainError({ code: "InvalidConfig", source: SOURCE, key: "webIdentityToken", message: "fromWebToken: webIdentityToken must be a token of at least 4 characters" });
    }
    if (hook) return hook(params);
    const settings = await stsCallSettings("fromWebToken", init, client, props, load);
    const stsClient = clients(settingsKey(settings), () => sts.createStsClient({ ...ctx, transport: init.transport, ...settings, source: SOURCE }));
    return (await stsClient.assumeRoleWithWebIdentity(params, { signal: props?.signal })).credentials;
  };
}
