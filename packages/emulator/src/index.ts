export {
  startImds,
  IMDS_AVAILABILITY_ZONE_PATH,
  IMDS_CREDENTIALS_PATH,
  IMDS_EXTENDED_CREDENTIALS_PATH,
  IMDS_IDENTITY_DOCUMENT_PATH,
  IMDS_REGION_PATH,
  IMDS_TOKEN_PATH,
  type ImdsEmulator,
  type ImdsOptions,
} from "./start-imds.js";
export { startContainer, CONTAINER_DEFAULT_PATH, type ContainerEmulator, type ContainerOptions } from "./start-container.js";
export { startProxy, type ProxyEmulator, type ProxyOptions, type ProxyRecord } from "./start-proxy.js";
export { startSts, STS_API_VERSION, type StsEmulator, type StsOptions } from "./start-sts.js";
export type { StsRole } from "./sts-actions.js";
export type { StsCall } from "./sts-call-log.js";
export { stsIssuedKeys, defaultStsUser, type IssuedStsCredentials, type StsUser } from "./sts-identities.js";
export { stsError } from "./sts-xml.js";
export type { EmulatorHandle, EmulatorOptions, RequestRecord } from "./emulator-server.js";
export type { Fault, FaultOptions } from "./faults.js";
export type { CredentialsInput, EmulatedCredentials } from "./credential-issuer.js";
export { runCli, type CliIo } from "./cli.js";
export {
  startSso,
  SSO_CREDENTIALS_PATH,
  SSO_DEFAULT_ACCESS_TOKEN,
  SSO_DEFAULT_ROLE_NAME,
  SSO_LOGOUT_PATH,
  type SsoEmulator,
  type SsoOptions,
  type SsoTokenExpiry,
} from "./start-sso.js";
export {
  startSsoOidc,
  SSO_OIDC_DEFAULT_CLIENT_ID,
  SSO_OIDC_DEFAULT_CLIENT_SECRET,
  SSO_OIDC_DEFAULT_REFRESH_TOKEN,
  SSO_OIDC_TOKEN_PATH,
  type SsoOidcEmulator,
  type SsoOidcOptions,
} from "./start-sso-oidc.js";
export {
  DEVICE_CODE_GRANT,
  SSO_OIDC_DEVICE_AUTHORIZATION_PATH,
  SSO_OIDC_REGISTER_PATH,
  SSO_OIDC_VERIFICATION_PATH,
  type DeviceAuthorization,
  type DeviceAuthorizationState,
  type RegisteredClient,
} from "./sso-device-flow.js";
export {
  startLogin,
  LOGIN_DEFAULT_CLIENT_ID,
  LOGIN_DEFAULT_REFRESH_TOKEN,
  LOGIN_TOKEN_PATH,
  type LoginEmulator,
  type LoginOptions,
  type LoginRefusal,
} from "./start-login.js";
export { verifyDpopProof, type DpopExpectation, type DpopOutcome, type DpopProof } from "./dpop-proof.js";
export {
  startCognitoIdentity,
  COGNITO_DEFAULT_IDENTITY_POOL_ID,
  COGNITO_DEFAULT_LOGIN_PROVIDER,
  COGNITO_DEFAULT_LOGIN_TOKEN,
  COGNITO_IDENTITY_TARGET_PREFIX,
  type CognitoIdentityCall,
  type CognitoIdentityEmulator,
  type CognitoIdentityOptions,
  type CognitoIdentityPool,
} from "./start-cognito-identity.js";
