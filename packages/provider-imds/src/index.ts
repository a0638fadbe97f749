export {
  fromInstanceMetadata,
  DEFAULT_IMDS_NEGATIVE_CACHE_MS,
  type InstanceMetadataInit,
} from "./from-instance-metadata.js";
export {
  resolveImdsEndpoint,
  IMDS_IPV4_ENDPOINT,
  IMDS_IPV6_ENDPOINT,
  type ImdsEndpoint,
  type ImdsEndpointMode,
  type ImdsEndpointOptions,
} from "./resolve-imds-endpoint.js";
export {
  resolveImdsSettings,
  AWS_EC2_METADATA_DISABLED,
  DEFAULT_IMDS_MAX_ATTEMPTS,
  DEFAULT_IMDS_TIMEOUT_MS,
  type ImdsSettings,
  type ImdsSettingsOptions,
} from "./resolve-imds-settings.js";
export { DEFAULT_IMDS_TOKEN_TTL_SECONDS } from "./imds-client.js";
export { DEFAULT_IMDS_REFRESH_WINDOW_MS } from "./extend-expiration.js";
