export {
  fromInstanceMetadata,
  DEFAULT_IMDS_NEGATIVE_CACHE_MS,
  IMDS_CREDENTIALS_PATH,
  IMDS_EXTENDED_CREDENTIALS_PATH,
  type InstanceMetadataInit,
} from "./from-instance-metadata.js";
export {
  resolveImdsEndpoint,
  imdsUrl,
  AWS_EC2_METADATA_SERVICE_ENDPOINT,
  AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE,
  AWS_IMDS_USE_IPV6,
  IMDS_IPV4_ENDPOINT,
  IMDS_IPV6_ENDPOINT,
  type ImdsEndpoint,
  type ImdsEndpointMode,
  type ImdsEndpointOptions,
} from "./resolve-imds-endpoint.js";
export {
  resolveImdsSettings,
  IMDS_SETTINGS,
  AWS_EC2_INSTANCE_PROFILE_NAME,
  AWS_EC2_METADATA_DISABLED,
  AWS_EC2_METADATA_V1_DISABLED,
  AWS_METADATA_SERVICE_NUM_ATTEMPTS,
  AWS_METADATA_SERVICE_TIMEOUT,
  DEFAULT_IMDS_MAX_ATTEMPTS,
  DEFAULT_IMDS_TIMEOUT_MS,
  type ImdsSettings,
  type ImdsSettingsOptions,
} from "./resolve-imds-settings.js";
export { DEFAULT_IMDS_TOKEN_TTL_SECONDS, IMDS_TOKEN_EXPIRY_MARGIN_MS } from "./imds-client.js";
export { extendExpiration, DEFAULT_IMDS_REFRESH_WINDOW_MS, IMDS_EXTENSION_JITTER_SECONDS, type ExtensionInput } from "./extend-expiration.js";
