export {
  fromContainerMetadata,
  DEFAULT_CONTAINER_MAX_ATTEMPTS,
  DEFAULT_CONTAINER_RETRY_DELAY_MS,
  DEFAULT_CONTAINER_TIMEOUT_MS,
  type ContainerMetadataInit,
} from "./from-container-metadata.js";
export {
  resolveContainerEndpoint,
  ALLOWED_HTTP_HOSTS,
  AWS_CONTAINER_CREDENTIALS_FULL_URI,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  ECS_CONTAINER_HOST,
  type ContainerEndpoint,
} from "./resolve-container-endpoint.js";
export {
  readAuthorizationToken,
  AWS_CONTAINER_AUTHORIZATION_TOKEN,
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
} from "./read-authorization-token.js";
