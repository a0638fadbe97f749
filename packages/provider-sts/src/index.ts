export {
  createStsClient,
  DEFAULT_STS_TIMEOUT_MS,
  type AssumedRoleUser,
  type AssumeRoleParams,
  type AssumeRoleResult,
  type AssumeRoleWithWebIdentityParams,
  type AssumeRoleWithWebIdentityResult,
  type CallOptions,
  type GetCallerIdentityResult,
  type GetSessionTokenParams,
  type GetSessionTokenResult,
  type PolicyDescriptor,
  type StsClient,
  type StsClientInit,
  type StsTag,
} from "./sts-client.js";
export { fromAssumeRole, type AssumeRoleInit } from "./from-assume-role.js";
export {
  fromWebIdentity,
  AWS_ROLE_ARN,
  AWS_ROLE_SESSION_NAME,
  AWS_WEB_IDENTITY_TOKEN_FILE,
  type WebIdentityInit,
} from "./from-web-identity.js";
export { resolveStsEndpoint, type StsEndpoint, type StsEndpointConfig, type StsRegionOptions } from "./resolve-sts-endpoint.js";
export { generatedSessionName, validateRoleRequest } from "./validate.js";
export { StsServiceError, type SigningCredentials } from "./sts-call.js";
export type { SigningKeys } from "./sigv4.js";
export { DEFAULT_STS_MAX_ATTEMPTS } from "./retry.js";
