import { CredchainError, MAX_ATTEMPTS, resolveContext, resolveSetting } from "@credchain/core";
import { retryPolicy } from "@credchain/core/aws-json";
import { clientSettings, explicitProfile, explicitRegion, refuseSet, valueOf } from "./client-config.js";
import { resolveCognitoEndpoint } from "./cognito-endpoint.js";
import { createCognitoIdentityClient, type CognitoIdentityClient } from "./cognito-identity-client.js";
import { profileLoader } from "./profile-layer.js";
import { memoByKey } from "./sts-settings.js";
import type { ClientConfig, CredentialProviderOptions, ProviderArgs, ValueOrProvider } from "./types.js";

/** Login providers and their tokens (or functions giving a fresh token), as the SDK's `Logins`. */
export type Logins = Record<string, ValueOrProvider<string>>;

/** The SDK's `CognitoProviderParameters`. */
export interface CognitoProviderParameters extends CredentialProviderOptions {
  /** Refused: credchain calls Cognito Identity itself. */
  client?: unknown;
  /** The Cognito Identity client's settings: region, profile, maxAttempts, endpoint, FIPS, dual-stack; other keys are refused. */
  clientConfig?: ClientConfig | undefined;
  /** The role to assume when the identity provider's token allows several. */
  customRoleArn?: string | undefined;
  /** Login providers and tokens; leave out for an unauthenticated identity. */
  logins?: Logins | undefined;
}

/** Cognito's SDK client retries three times in all (standard mode). */
const DEFAULT_ATTEMPTS = 3;
/** botocore's read timeout. */
const TIMEOUT_MS = 60_000;

/**
 * For one provider: its Cognito Identity client for a call, in the region the SDK picks
 * (`clientConfig.region`, the outer or calling client's, else AWS_REGION, AWS_DEFAULT_REGION and
 * the profile's `region`; none: `NoRegion`), one client per region.
 *
 * @example
 * ```ts
 * const clientFor = cognitoClients("fromCognitoIdentity", parameters);
 * const client = await clientFor(props);
 * ```
 */
export function cognitoClients(fn: string, init: CognitoProviderParameters): (props: ProviderArgs | undefined) => Promise<CognitoIdentityClient> {
  refuseSet(fn, init, { client: "credchain calls Cognito Identity itself; set clientConfig.endpoint or AWS_ENDPOINT_URL_COGNITO_IDENTITY to point it elsewhere" });
  const client = clientSettings(fn, init.clientConfig);
  const ctx = resolveContext(init);
  const load = profileLoader(ctx, {});
  const clients = memoByKey<CognitoIdentityClient>();
  return async (props) => {
    const { settings } = await load(explicitProfile(client, init, props));
    const sources = { env: ctx.env, profile: settings, source: "cognito-identity" as const };
    const { url } = resolveCognitoEndpoint(
      { region: await explicitRegion(client, init, props), endpointUrl: client.endpointUrl, useFipsEndpoint: client.useFipsEndpoint, useDualstackEndpoint: client.useDualstackEndpoint },
      sources,
    );
    const maxAttempts = resolveSetting(MAX_ATTEMPTS, sources, await valueOf(client.maxAttempts)).value ?? DEFAULT_ATTEMPTS;
    if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
      throw new CredchainError({ code: "InvalidConfig", key: "clientConfig.maxAttempts", message: `${fn}: clientConfig.maxAttempts must be a whole number of at least 1, not ${String(maxAttempts)}` });
    }
    return clients(`${url}\n${maxAttempts}`, () => createCognitoIdentityClient({ ctx, url, retry: retryPolicy({ maxAttempts }, DEFAULT_ATTEMPTS), timeoutMs: TIMEOUT_MS }));
  };
}

/**
 * The logins with every token resolved (functions called, as the SDK does on each call).
 *
 * @example
 * ```ts
 * await resolveLogins({ "accounts.google.com": async () => idToken }); // { "accounts.google.com": "…" }
 * ```
 */
export async function resolveLogins(logins: Logins | undefined): Promise<Record<string, string> | undefined> {
  if (logins === undefined) return undefined;
  const entries = await Promise.all(Object.entries(logins).map(async ([name, token]) => [name, (await valueOf(token)) ?? ""] as const));
  return Object.fromEntries(entries);
}
