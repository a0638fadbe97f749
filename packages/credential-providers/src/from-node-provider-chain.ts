import type { DefaultChainProvider } from "@credchain/chain";
import { resolveLocalContext } from "@credchain/core/internal";
import { chainOptions, chainsByCall, checkChainInit, type FromIniInit } from "./chain-options.js";
import { refuseSet } from "./client-config.js";
import { propertyProviderChain } from "./create-credential-chain.js";
import { withChainScope } from "./credential-scope.js";
import type { RemoteProviderInit } from "./from-container-metadata.js";
import { fromEnv } from "./from-env.js";
import type { FromHttpOptions } from "./from-http.js";
import { fromSSO, type FromSSOInit } from "./from-sso.js";
import type { FromTokenFileInit } from "./from-token-file.js";
import { profileLoader } from "./profile-layer.js";
import { remoteNumbers } from "./remote-options.js";
import type { AwsCredentialProvider, AwsCredentials } from "./types.js";
import { CONTAINER_OPTION_VARIABLES, WEB_IDENTITY_OPTION_VARIABLES, withOptionVariables } from "./variables.js";

/** The SDK's `DefaultProviderInit`: what each provider of its chain takes, in one object. */
export type FromNodeProviderChainInit = FromIniInit &
  Omit<FromHttpOptions, "timeout" | "maxRetries"> &
  RemoteProviderInit &
  Omit<FromSSOInit, "clientConfig"> &
  Pick<FromTokenFileInit, "webIdentityTokenFile" | "roleArn" | "roleSessionName" | "providerId" | "policy" | "policyArns" | "durationSeconds">;

const SSO_PARAMS = ["ssoStartUrl", "ssoAccountId", "ssoRegion", "ssoRoleName", "ssoSession"] as const;
const WEB_IDENTITY_ONLY = "the chain's web identity provider takes the token file, role and session name only (botocore's); use fromTokenFile for it";

/**
 * The AWS SDK's `fromNodeProviderChain`: the default credential chain, with botocore's order and
 * answers (`defaultChain` of `@credchain/chain`, the chain of `boto3.Session().get_credentials()`):
 * env, role profiles, web identity, SSO, the shared files, `aws login`, `credential_process`,
 * the boto files, the container endpoint, IMDS. The credentials are cached and refreshed before
 * they expire. The SDK's options keep their meaning: `profile` (else the calling client's),
 * `filepath`, `configFilepath`, `mfaCodeProvider`, `roleAssumer`, `roleAssumerWithWebIdentity`,
 * `clientConfig` (the STS client's), `webIdentityTokenFile` / `roleArn` / `roleSessionName` (in
 * place of their variables), the `awsContainer…` options (likewise), `timeout` and `maxRetries`
 * (container and IMDS), `ec2MetadataV1Disabled`, and an SSO role in code (`ssoStartUrl`, …),
 * tried after env. See the README for where the order differs from the SDK's.
 *
 * @example
 * ```ts
 * import { S3Client } from "@aws-sdk/client-s3";
 * import { fromNodeProviderChain } from "@credchain/credential-providers";
 *
 * const client = new S3Client({ region: "eu-west-1", credentials: fromNodeProviderChain() });
 * ```
 */
export function fromNodeProviderChain(init: FromNodeProviderChainInit = {}): AwsCredentialProvider {
  const fn = "fromNodeProviderChain";
  refuseSet(fn, init, {
    ssoClient: "credchain calls the SSO portal itself",
    credentialsFullUri: "it is for browsers; in Node.js use awsContainerCredentialsFullUri",
    authorizationToken: "it is for browsers; in Node.js use awsContainerAuthorizationToken",
    providerId: WEB_IDENTITY_ONLY,
    policy: WEB_IDENTITY_ONLY,
    policyArns: WEB_IDENTITY_ONLY,
    durationSeconds: WEB_IDENTITY_ONLY,
  });
  const client = checkChainInit(fn, init);
  const numbers = remoteNumbers(fn, init);
  // Options that stand in for variables are variables to the chain, so they keep botocore's places in it.
  const given = init.env ?? process.env;
  const replaced = withOptionVariables(withOptionVariables(given, init, WEB_IDENTITY_OPTION_VARIABLES), init, CONTAINER_OPTION_VARIABLES);
  const env = replaced === given ? init.env : replaced;
  const chainFor = chainsByCall<Promise<DefaultChainProvider>>(init.ignoreCache, (options) =>
    import("./load-chain.js").then(({ defaultChain }) =>
      defaultChain({ ...options, env, container: numbers, imds: { ...numbers, ...(init.ec2MetadataV1Disabled !== undefined && { v1Disabled: init.ec2MetadataV1Disabled }) } }),
    ),
  );
  const ctx = resolveLocalContext({ ...init, env });
  const load = profileLoader(ctx, init);
  const chain: AwsCredentialProvider = async (props) => {
    const options = await chainOptions({ ...init, env }, client, props);
    return withChainScope(await (await chainFor(options))(props), ctx.env, load, options.profile);
  };
  if (!SSO_PARAMS.some((k) => init[k] !== undefined)) return chain;
  // An SSO role in code comes right after env, as in the SDK's chain.
  const links: AwsCredentialProvider[] = [fromSSO({ ...init, env }), chain];
  if (init.profile === undefined) links.unshift(fromEnv({ ...init, env }));
  return propertyProviderChain<AwsCredentials>(...links);
}
