import { defaultChain, type DefaultChainOptions, type DefaultChainProvider } from "./default-chain.js";

/**
 * The providers of one profile, as botocore reaches them for it (assume-role, web identity, SSO,
 * the credentials file, login, the credential process, the config file: the profile's plan),
 * without env credentials, env's web identity variables, the boto files, the container endpoint
 * or IMDS — what the AWS SDK's `fromIni` reads, with botocore's answers. The profile is the
 * `profile` option, else AWS_DEFAULT_PROFILE, AWS_PROFILE, `default`; a profile that is selected
 * but missing is `ProfileNotFound`. A profile with nothing usable fails with `NoCredentials`
 * listing each provider. Same options, refresh and `explain` as {@link defaultChain}.
 *
 * @example
 * ```ts
 * import { profileChain } from "@credchain/chain";
 *
 * const credentials = profileChain({ profile: "dev", mfaCode: async () => "123456" });
 * const { source } = await credentials(); // e.g. "assume-role"
 * ```
 */
export function profileChain(options: DefaultChainOptions = {}): DefaultChainProvider {
  return (defaultChain as (options: DefaultChainOptions, profileOnly: boolean) => DefaultChainProvider)(options, true);
}
