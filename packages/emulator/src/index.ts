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
export type { EmulatorHandle, EmulatorOptions, RequestRecord } from "./emulator-server.js";
export type { Fault, FaultOptions } from "./faults.js";
export type { CredentialsInput, EmulatedCredentials } from "./credential-issuer.js";
export { runCli, type CliIo } from "./cli.js";
