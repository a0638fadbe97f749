import { refuseSet } from "./client-config.js";
import { lazyProvider } from "./lazy.js";
import { remoteNumbers } from "./remote-options.js";
import type { AwsCredentialProvider, CredentialProviderOptions } from "./types.js";
import { CONTAINER_OPTION_VARIABLES, withOptionVariables } from "./variables.js";

/** The SDK's `FromHttpOptions`: the container endpoint's variables as options, and its retries. */
export interface FromHttpOptions extends CredentialProviderOptions {
  /** Wins over AWS_CONTAINER_CREDENTIALS_FULL_URI. */
  awsContainerCredentialsFullUri?: string | undefined;
  /** Wins over AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; a relative URI wins over a full one, as in the SDK and botocore. */
  awsContainerCredentialsRelativeUri?: string | undefined;
  /** Wins over AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE; read on every call; wins over a token. */
  awsContainerAuthorizationTokenFile?: string | undefined;
  /** Wins over AWS_CONTAINER_AUTHORIZATION_TOKEN. */
  awsContainerAuthorizationToken?: string | undefined;
  /** Refused: browsers only. */
  credentialsFullUri?: string | undefined;
  /** Refused: browsers only. */
  authorizationToken?: string | undefined;
  /** Retries after the first attempt. Default: 2 (botocore's 3 attempts). */
  maxRetries?: number | undefined;
  /** Milliseconds per request, and between attempts. Default: 2000 per request, 1000 between (botocore's). */
  timeout?: number | undefined;
}

const BROWSER_ONLY = "it is for browsers; in Node.js use awsContainerCredentialsFullUri / awsContainerAuthorizationToken";

/**
 * The AWS SDK's `fromHttp`: the container credentials endpoint, each variable replaceable by an
 * option, with botocore's answers (`@credchain/provider-container`, source `container-role`):
 * `accountId` comes from the answer, and a full URI must be HTTPS or a loopback, ECS or EKS
 * host. No URI: "not here" (`tryNextLink`). `maxRetries` and `timeout` keep the SDK's meaning
 * (`timeout` is both the request timeout and the pause between attempts).
 *
 * @example
 * ```ts
 * import { fromHttp } from "@credchain/credential-providers";
 *
 * const credentials = fromHttp({ awsContainerCredentialsFullUri: "http://127.0.0.1:8080/creds", awsContainerAuthorizationToken: "token" });
 * ```
 */
export function fromHttp(options: FromHttpOptions = {}): AwsCredentialProvider {
  refuseSet("fromHttp", options, { credentialsFullUri: BROWSER_ONLY, authorizationToken: BROWSER_ONLY });
  const env = withOptionVariables(options.env ?? process.env, options, CONTAINER_OPTION_VARIABLES);
  // The SDK waits `timeout` between attempts too.
  const retryDelay = options.timeout === undefined ? {} : { retryDelayMs: options.timeout };
  const numbers = remoteNumbers("fromHttp", options);
  return lazyProvider(async () => (await import("./load-container.js")).fromContainerMetadata({ ...options, env, ...numbers, ...retryDelay }));
}
