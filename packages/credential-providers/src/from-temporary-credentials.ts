import { resolveContext, type CredentialProvider, type Credentials } from "@credchain/core";
import { clientSettings, refused, refuseSet } from "./client-config.js";
import { fromNodeProviderChain } from "./from-node-provider-chain.js";
import { lazyProvider } from "./lazy.js";
import { profileLoader } from "./profile-layer.js";
import type { MfaCodeProvider } from "./role-assumers.js";
import { fromSdkCredentials, type SdkCredentialIdentity } from "./sdk-credentials.js";
import { memoByKey, settingsKey, stsCallSettings } from "./sts-settings.js";
import type { AwsCredentialProvider, ClientConfig, CredentialProviderOptions, ProviderArgs } from "./types.js";

/** The SDK's AssumeRole input as `fromTemporaryCredentials` takes it (`RoleSessionName` optional). */
export interface TemporaryCredentialsParams {
  RoleArn: string;
  /** Default: `botocore-session-<epoch seconds>`, fixed when the provider is made. */
  RoleSessionName?: string | undefined;
  ExternalId?: string | undefined;
  DurationSeconds?: number | undefined;
  Policy?: string | undefined;
  PolicyArns?: { arn?: string | undefined }[] | undefined;
  Tags?: { Key?: string | undefined; Value?: string | undefined }[] | undefined;
  TransitiveTagKeys?: string[] | undefined;
  /** The MFA device: its code comes from `mfaCodeProvider`. */
  SerialNumber?: string | undefined;
  /** Refused: a code is good for one call and credentials are refreshed; give `mfaCodeProvider`. */
  TokenCode?: string | undefined;
  SourceIdentity?: string | undefined;
  /** Refused: credchain's STS client does not send provided contexts. */
  ProvidedContexts?: unknown[] | undefined;
}

/** Credentials as the SDK takes them for `masterCredentials`: an object, or a provider of one. */
export type MasterCredentials = SdkCredentialIdentity | ((props?: ProviderArgs) => Promise<SdkCredentialIdentity | Credentials>);

/** The SDK's `FromTemporaryCredentialsOptions`. */
export interface FromTemporaryCredentialsOptions extends CredentialProviderOptions {
  params: TemporaryCredentialsParams;
  /** What signs AssumeRole. Default: `clientConfig.credentials`, else this package's `fromNodeProviderChain()` (botocore's chain). */
  masterCredentials?: MasterCredentials | undefined;
  /** The STS client's settings (region, profile, credentials, maxAttempts, endpoint, FIPS, dual-stack); other keys are refused. */
  clientConfig?: (ClientConfig & { credentials?: MasterCredentials | undefined }) | undefined;
  /** Refused: credchain's STS client has no middleware stack. */
  clientPlugins?: unknown[] | undefined;
  /** The code of the MFA device `params.SerialNumber`, asked on every call. */
  mfaCodeProvider?: MfaCodeProvider | undefined;
}

const SOURCE = "assume-role";

/**
 * The AWS SDK's `fromTemporaryCredentials`: STS AssumeRole with `params`, signed by
 * `masterCredentials` (else `clientConfig.credentials`, else botocore's default chain through
 * this package's `fromNodeProviderChain`, cached and refreshed), with botocore's checks before
 * calling (role ARN, session name, duration: `InvalidConfig`) and its answers (source
 * `assume-role`, `accountId` from the assumed role's ARN). STS is called in the region the SDK
 * uses: `clientConfig.region`, the calling client's, AWS_REGION / AWS_DEFAULT_REGION, the
 * profile's (`clientConfig.profile`, the caller's, else the one env selects), else us-east-1.
 * A `SerialNumber` without `mfaCodeProvider` is `InvalidConfig`. Each call calls STS; an SDK
 * client caches the answer. Chain roles by giving another provider as `masterCredentials`.
 *
 * @example
 * ```ts
 * import { fromTemporaryCredentials } from "@credchain/credential-providers";
 *
 * const credentials = fromTemporaryCredentials({
 *   params: { RoleArn: "arn:aws:iam::123456789012:role/deploy", DurationSeconds: 900 },
 *   clientConfig: { region: "eu-west-1" },
 * });
 * ```
 */
export function fromTemporaryCredentials(options: FromTemporaryCredentialsOptions): AwsCredentialProvider {
  const fn = "fromTemporaryCredentials";
  refuseSet(fn, options, { clientPlugins: "credchain's STS client has no middleware stack to plug into" });
  const { params } = options;
  refuseSet(fn, params, {
    TokenCode: "a code is good for one call and credentials are refreshed; give mfaCodeProvider",
    ProvidedContexts: "credchain's STS client does not send provided contexts",
  });
  const { credentials: clientCredentials, ...clientConfig } = options.clientConfig ?? {};
  const client = clientSettings(fn, clientConfig);
  const ctx = resolveContext(options);
  const load = profileLoader(ctx, {});
  const master = sourceOf(options.masterCredentials ?? clientCredentials, options);
  const providers = memoByKey<Promise<CredentialProvider>>();
  const serial = params.SerialNumber;
  const { mfaCodeProvider } = options;
  if (serial !== undefined && !mfaCodeProvider) {
    throw refused(fn, "params.SerialNumber", "the temporary credentials need an MFA code, and no mfaCodeProvider was given");
  }
  return async (props) => {
    const settings = await stsCallSettings(fn, options, client, props, load);
    const make = async () =>
      (await import("./load-sts.js")).fromAssumeRole({
        ...options,
        ...ctx,
        // Made by the provider unless given: its default reads the profile's ca_bundle too.
        transport: options.transport,
        ...settings,
        // The SDK's STS client hands its own config to the provider that signs for it.
        sourceCredentials: (o) => master({ ...o, callerClientConfig: { ...props?.callerClientConfig, ...(settings.region && { region: settings.region }) } }),
        roleArn: params.RoleArn,
        roleSessionName: params.RoleSessionName,
        externalId: params.ExternalId,
        durationSeconds: params.DurationSeconds,
        policy: params.Policy,
        policyArns: params.PolicyArns?.map((p) => p.arn ?? ""),
        tags: params.Tags?.map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" })),
        transitiveTagKeys: params.TransitiveTagKeys,
        sourceIdentity: params.SourceIdentity,
        mfaSerial: serial,
        tokenCode: serial === undefined ? undefined : () => mfaCodeProvider!(serial),
      });
    return (await providers(settingsKey(settings), make))(props);
  };
}

/** The credentials that sign AssumeRole, as a cached, refreshed provider. */
function sourceOf(given: MasterCredentials | undefined, options: FromTemporaryCredentialsOptions): (props?: ProviderArgs) => Promise<Credentials> {
  if (given === undefined) {
    // botocore's chain in the same environment, with the same context (env, files, transport).
    const chain = fromNodeProviderChain({ env: options.env, homedir: options.homedir, readFile: options.readFile, now: options.now, transport: options.transport, logger: options.logger });
    return chain;
  }
  if (typeof given !== "function") {
    const fixed = fromSdkCredentials(given, "explicit", "masterCredentials");
    return async () => fixed;
  }
  const provider = async (props?: ProviderArgs) => {
    const c = await given(props);
    return (c as Partial<Credentials>).source === undefined ? fromSdkCredentials(c, "explicit", "masterCredentials") : (c as Credentials);
  };
  // Cached and refreshed before expiry, as the SDK's STS client caches the identity it signs with.
  return lazyProvider(async () => (await import("./load-sts.js")).withRefresh(provider, { logger: resolveContext(options).logger, now: options.now }));
}
