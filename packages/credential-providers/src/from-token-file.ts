import { resolveContext, type CredentialProvider } from "@credchain/core";
import { clientSettings, refuseSet } from "./client-config.js";
import type { FromWebTokenInit } from "./from-web-token.js";
import { profileLoader } from "./profile-layer.js";
import { webIdentityHook } from "./role-assumers.js";
import { memoByKey, settingsKey, stsCallSettings } from "./sts-settings.js";
import type { AwsCredentialProvider } from "./types.js";

/** The SDK's `FromTokenFileInit`: `fromWebToken`'s options with the token read from a file. */
export interface FromTokenFileInit extends Partial<Omit<FromWebTokenInit, "webIdentityToken">> {
  /** The OIDC token file, read on every call. Default: AWS_WEB_IDENTITY_TOKEN_FILE. */
  webIdentityTokenFile?: string | undefined;
}

/**
 * The AWS SDK's `fromTokenFile`: STS AssumeRoleWithWebIdentity with the token read from
 * `webIdentityTokenFile` (else AWS_WEB_IDENTITY_TOKEN_FILE) on every call, for `roleArn` (else
 * AWS_ROLE_ARN), with botocore's answers (`@credchain/provider-sts`, source
 * `assume-role-with-web-identity`): the file is read only if it is a regular file of at most
 * 1 MiB, a token file without a role ARN is `InvalidConfig` (the SDK moves on), the session name
 * defaults to AWS_ROLE_SESSION_NAME, else `botocore-session-<seconds>`. STS is called in the
 * region the SDK would use (see the README); no token file: "not here" (`tryNextLink`).
 *
 * @example
 * ```ts
 * import { fromTokenFile } from "@credchain/credential-providers";
 *
 * // EKS (IRSA): AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are set.
 * const credentials = fromTokenFile();
 * ```
 */
export function fromTokenFile(init: FromTokenFileInit = {}): AwsCredentialProvider {
  refuseSet("fromTokenFile", init, { clientPlugins: "credchain's STS client has no middleware stack to plug into" });
  const client = clientSettings("fromTokenFile", init.clientConfig);
  const ctx = resolveContext(init);
  const load = profileLoader(ctx, {});
  const providers = memoByKey<Promise<CredentialProvider>>();
  return async (props) => {
    const settings = await stsCallSettings("fromTokenFile", init, client, props, load);
    const make = async () =>
      (await import("./load-sts.js")).fromWebIdentity({
        ...init,
        ...ctx,
        // Made by the provider unless given: its default reads the profile's ca_bundle too.
        transport: init.transport,
        ...settings,
        policyArns: init.policyArns?.map((p) => p.arn ?? ""),
        ...(init.roleAssumerWithWebIdentity && { assumeRoleWithWebIdentity: webIdentityHook(init.roleAssumerWithWebIdentity) }),
      });
    return (await providers(settingsKey(settings), make))(props);
  };
}
