import { CredchainError, type Logger } from "@credchain/core";
import type { AwsIdentityProperties, ClientConfig, CredentialProviderOptions, ValueOrProvider } from "./types.js";

/** A client config reduced to what credchain's STS, SSO, Sign-In and Cognito clients take. */
export interface ClientSettings {
  region?: ValueOrProvider<string | undefined> | undefined;
  profile?: string | undefined;
  maxAttempts?: ValueOrProvider<number | undefined> | undefined;
  endpointUrl?: string | undefined;
  useFipsEndpoint?: boolean | undefined;
  useDualstackEndpoint?: boolean | undefined;
  logger?: Logger | undefined;
}

const HONOURED = ["region", "profile", "maxAttempts", "endpoint", "useFipsEndpoint", "useDualstackEndpoint", "logger"];

/** Why some SDK client settings have no credchain meaning, for the refusal. */
const REASONS: Record<string, string> = {
  requestHandler: "credchain's own HTTP transport makes the calls; pass the `transport` option instead",
  credentials: "the inner client signs with the provider's own source credentials",
  retryStrategy: "credchain retries as botocore does; set `maxAttempts`",
  retryMode: "credchain retries as botocore does; set `maxAttempts`",
};

/**
 * An SDK option credchain has no meaning for, refused rather than ignored: `InvalidConfig` naming
 * the function and the option.
 *
 * @example
 * ```ts
 * throw refused("fromIni", "clientPlugins", "credchain's clients have no middleware stack");
 * ```
 */
export function refused(fn: string, option: string, why: string): CredchainError {
  return new CredchainError({
    code: "InvalidConfig",
    key: option,
    message: `${fn}: the option ${option} is not supported by @credchain/credential-providers (${why}). Leave it out, or keep @aws-sdk/credential-providers for this provider.`,
  });
}

/** Refuses each of `options` that is set in `init`. */
export function refuseSet(fn: string, init: object | undefined, options: Record<string, string>): void {
  for (const [option, why] of Object.entries(options)) {
    if ((init as Record<string, unknown> | undefined)?.[option] !== undefined) throw refused(fn, option, why);
  }
}

/**
 * The settings of an SDK `clientConfig` credchain honours (region, profile, maxAttempts,
 * endpoint, FIPS, dual-stack, logger); any other key that is set is refused with `InvalidConfig`.
 *
 * @example
 * ```ts
 * clientSettings("fromIni", { region: "eu-west-1" }).region; // "eu-west-1"
 * ```
 */
export function clientSettings(fn: string, config: ClientConfig | undefined): ClientSettings {
  if (config === undefined) return {};
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || HONOURED.includes(key)) continue;
    throw refused(fn, `clientConfig.${key}`, REASONS[key] ?? `credchain's clients honour only ${HONOURED.join(", ")}`);
  }
  const { endpoint } = config;
  let endpointUrl: string | undefined;
  if (endpoint !== undefined) {
    const url = typeof endpoint === "object" && !(endpoint instanceof URL) ? endpoint.url : endpoint;
    endpointUrl = String(url);
  }
  return {
    region: config.region,
    profile: config.profile,
    maxAttempts: config.maxAttempts,
    endpointUrl,
    useFipsEndpoint: config.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint,
    logger: config.logger,
  };
}

/**
 * The value of a setting that may be a function, as SDK configs hold regions.
 *
 * @example
 * ```ts
 * await valueOf(async () => "eu-west-1"); // "eu-west-1"
 * ```
 */
export async function valueOf<T>(v: ValueOrProvider<T> | undefined): Promise<T | undefined> {
  return typeof v === "function" ? (v as () => Promise<T> | T)() : v;
}

/**
 * The region a provider's inner client uses before env and the profile, as the AWS SDK picks it:
 * the provider's `clientConfig.region`, else the outer client's (`parentClientConfig`), else the
 * region of the client calling the provider (`callerClientConfig`). Undefined when none names one.
 *
 * @example
 * ```ts
 * await explicitRegion({ region: undefined }, {}, { callerClientConfig: { region: async () => "eu-west-1" } }); // "eu-west-1"
 * ```
 */
export async function explicitRegion(client: ClientSettings, init: CredentialProviderOptions, props: AwsIdentityProperties | undefined): Promise<string | undefined> {
  for (const candidate of [client.region, init.parentClientConfig?.region, props?.callerClientConfig?.region]) {
    const region = await valueOf(candidate);
    if (region) return region;
  }
  return undefined;
}

/** The profile the SDK's inner clients read: the client config's, the outer client's, the caller's. */
export function explicitProfile(client: ClientSettings, init: CredentialProviderOptions, props: AwsIdentityProperties | undefined): string | undefined {
  return client.profile ?? init.parentClientConfig?.profile ?? props?.callerClientConfig?.profile;
}
