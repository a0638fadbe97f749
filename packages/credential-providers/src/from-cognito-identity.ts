import { cognitoClients, resolveLogins, type CognitoProviderParameters } from "./cognito-settings.js";
import type { AwsCredentialProvider, CognitoIdentityCredentials } from "./types.js";

/** The SDK's `FromCognitoIdentityParameters`. */
export interface FromCognitoIdentityParameters extends CognitoProviderParameters {
  /** The identity the credentials are for. */
  identityId: string;
}

/** A provider of Cognito identity credentials (they carry `identityId`). */
export type CognitoIdentityCredentialProvider = AwsCredentialProvider<CognitoIdentityCredentials>;

/**
 * The AWS SDK's `fromCognitoIdentity`: Cognito Identity's GetCredentialsForIdentity for
 * `identityId`, with `logins` (tokens, or functions called on every call) and `customRoleArn`,
 * in the region the SDK picks (`clientConfig.region`, the calling client's, AWS_REGION, the
 * profile's). Credentials carry `identityId` and source `cognito-identity`. Each call asks
 * Cognito; an SDK client caches the answer. A refusal is `CredentialRetrieval` with the service's
 * error code.
 *
 * @example
 * ```ts
 * import { fromCognitoIdentity } from "@credchain/credential-providers";
 *
 * const credentials = fromCognitoIdentity({ identityId: "us-east-1:…", clientConfig: { region: "us-east-1" } });
 * ```
 */
export function fromCognitoIdentity(parameters: FromCognitoIdentityParameters): CognitoIdentityCredentialProvider {
  const clientFor = cognitoClients("fromCognitoIdentity", parameters);
  return async (props) =>
    (await clientFor(props)).getCredentialsForIdentity(
      { IdentityId: parameters.identityId, CustomRoleArn: parameters.customRoleArn, Logins: await resolveLogins(parameters.logins) },
      props?.signal,
    );
}
