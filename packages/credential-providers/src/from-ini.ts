import { CredchainError } from "@credchain/core";
import { resolveLocalContext } from "@credchain/core/internal";
import { chainOptions, chainsByCall, checkChainInit, type FromIniInit } from "./chain-options.js";
import { withChainScope } from "./credential-scope.js";
import { profileLoader } from "./profile-layer.js";
import type { AwsCredentialProvider } from "./types.js";

export type { FromIniInit } from "./chain-options.js";

/**
 * The AWS SDK's `fromIni`: the selected profile's credentials from the shared files, with
 * botocore's answers (`profileChain` of `@credchain/chain`): a role profile (`role_arn` with
 * `source_profile` or `credential_source`, MFA through `mfaCodeProvider`), web identity, SSO,
 * static keys, `aws login`, `credential_process` — in botocore's order. Role calls go to STS in
 * the region the SDK would use (`clientConfig.region`, the calling client's region, env and the
 * profile, then us-east-1), or to `roleAssumer` / `roleAssumerWithWebIdentity`. Credentials are
 * cached and refreshed before they expire; `ignoreCache` reads the files again on every call.
 *
 * A profile with nothing usable is `NoCredentials` with `tryNextLink` (the next provider of a
 * chain is tried, as in the SDK); a missing profile is `ProfileNotFound`, as botocore raises.
 *
 * @example
 * ```ts
 * import { STSClient } from "@aws-sdk/client-sts";
 * import { fromIni } from "@credchain/credential-providers";
 *
 * const client = new STSClient({ region: "eu-west-1", credentials: fromIni({ profile: "dev", mfaCodeProvider: async () => "123456" }) });
 * ```
 */
export function fromIni(init: FromIniInit = {}): AwsCredentialProvider {
  const client = checkChainInit("fromIni", init);
  const chainFor = chainsByCall(init.ignoreCache, (options) =>
    import("./load-chain.js").then(({ profileChain }) => profileChain(options)),
  );
  const ctx = resolveLocalContext(init);
  const load = profileLoader(ctx, init);
  return async (props) => {
    const options = await chainOptions(init, client, props);
    const chain = await chainFor(options);
    let credentials;
    try {
      credentials = await chain(props);
    } catch (error) {
      throw nothingHere(error);
    }
    return withChainScope(credentials, ctx.env, load, options.profile);
  };
}

/** A profile chain that found nothing is "not here" to an SDK chain, which then tries its next provider. */
export function nothingHere(error: unknown): unknown {
  if (!CredchainError.isInstance(error) || error.code !== "NoCredentials" || error.tryNextLink) return error;
  return new CredchainError({ code: "NoCredentials", message: error.message, attempts: error.attempts, tryNextLink: true, cause: error });
}
