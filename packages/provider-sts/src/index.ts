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
export {
  resolveStsEndpoint,
  AWS_ENDPOINT_URL,
  AWS_ENDPOINT_URL_STS,
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
  AWS_STS_REGIONAL_ENDPOINTS,
  AWS_USE_DUALSTACK_ENDPOINT,
  AWS_USE_FIPS_ENDPOINT,
  LEGACY_GLOBAL_STS_REGIONS,
  type StsEndpoint,
  type StsEndpointConfig,
} from "./resolve-sts-endpoint.js";
export { StsServiceError, type SigningCredentials } from "./sts-call.js";
export type { SigningKeys } from "./sigv4.js";
export { DEFAULT_STS_MAX_ATTEMPTS, isRetryableResponse, backoffMs } from "./retry.js";
export { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from "./validate.js";
