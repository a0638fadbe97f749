// The AWS SDK v3's `@aws-sdk/credential-providers`, name for name, over credchain's providers.
export { createCredentialChain, propertyProviderChain, type AwsCredentialChain, type ChainableProvider, type CustomCredentialChainOptions } from "./create-credential-chain.js";
export { fromCognitoIdentity, type CognitoIdentityCredentialProvider, type FromCognitoIdentityParameters } from "./from-cognito-identity.js";
export { fromCognitoIdentityPool, type FromCognitoIdentityPoolParameters, type Storage } from "./from-cognito-identity-pool.js";
export type { CognitoProviderParameters, Logins } from "./cognito-settings.js";
export { fromContainerMetadata, type RemoteProviderInit } from "./from-container-metadata.js";
export { fromEnv, AWS_CREDENTIAL_SCOPE, type FromEnvInit } from "./from-env.js";
export { fromHttp, type FromHttpOptions } from "./from-http.js";
export { fromIni, type FromIniInit } from "./from-ini.js";
export { fromInstanceMetadata } from "./from-instance-metadata.js";
export { fromLoginCredentials, type FromLoginCredentialsInit } from "./from-login-credentials.js";
export { fromNodeProviderChain, type FromNodeProviderChainInit } from "./from-node-provider-chain.js";
export { fromProcess, type FromProcessInit } from "./from-process.js";
export { fromSSO, type FromSSOInit, type SsoCredentialsParameters } from "./from-sso.js";
export {
  fromTemporaryCredentials,
  type FromTemporaryCredentialsOptions,
  type MasterCredentials,
  type TemporaryCredentialsParams,
} from "./from-temporary-credentials.js";
export { fromTokenFile, type FromTokenFileInit } from "./from-token-file.js";
export { fromWebToken, type FromWebTokenInit } from "./from-web-token.js";
export type { AssumeRoleParams, AssumeRoleWithWebIdentityParams, MfaCodeProvider, RoleAssumer, RoleAssumerWithWebIdentity } from "./role-assumers.js";
export type { SdkCredentialIdentity } from "./sdk-credentials.js";
export type {
  AwsCredentialProvider,
  AwsCredentials,
  AwsIdentityProperties,
  ClientConfig,
  CognitoIdentityCredentials,
  CredentialProviderOptions,
  ProviderArgs,
  SharedFileOptions,
  ValueOrProvider,
} from "./types.js";
