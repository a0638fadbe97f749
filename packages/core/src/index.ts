export {
  AWS_API_FIELD_NAMES,
  CREDENTIAL_SOURCES,
  createCredentials,
  describeCredentials,
  exportCredentials,
  maskAccessKeyId,
  type CredentialField,
  type CredentialProvider,
  type CredentialSource,
  type Credentials,
  type CredentialsInit,
  type CredentialsOrigin,
  type ProviderCallOptions,
} from "./credentials.js";
export {
  CredchainError,
  ERROR_CODES,
  notFound,
  shouldTryNext,
  type ChainAttempt,
  type CredchainErrorOptions,
  type ErrorCode,
  type LookedAt,
} from "./errors.js";
export {
  resolveContext,
  stderrLogger,
  type Env,
  type Logger,
  type ProviderContext,
  type ProviderContextInit,
} from "./context.js";
export { resolveDirectContext } from "./direct-context.js";
export {
  resolveLocalContext,
  resolveLogger,
  type LocalContext,
  type LocalContextInit,
} from "./local-context.js";
export { expandPath, expandUser, expandVars } from "./expand-path.js";
export { AWS_DEFAULT_PROFILE, AWS_PROFILE, selectProfile, type SelectedProfile } from "./profile.js";
export {
  TransportError,
  transportError,
  transportFailure,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  type TransportErrorKind,
} from "./transport.js";
export { fetchTransport, type FetchTransportOptions } from "./fetch-transport.js";
export { directTransport, type DirectTransportOptions } from "./direct-transport.js";
export { httpTransport, type HttpTransportOptions } from "./http-transport.js";
export { envProxies, HTTP_PROXY, HTTPS_PROXY, NO_PROXY, proxyBypass, proxyFor } from "./env-proxies.js";
export { isNeverProxied } from "./never-proxied.js";
export {
  mergeSections,
  parseConfig,
  type ConfigSection,
  type ConfigSubsection,
  type ParseConfigOptions,
  type ParsedConfig,
} from "./config-parser.js";
export {
  CONFIG_FILE_MAX_BYTES,
  readRegularFile,
  TOKEN_FILE_MAX_BYTES,
  type ReadFileOptions,
} from "./read-regular-file.js";
export { describeReadError } from "./describe-read-error.js";
export { isNotAFile, loadConfigFile, type LoadedConfigFile } from "./load-config-file.js";
export { shlexSplit } from "./shlex-split.js";
export { NOT_A_TIMESTAMP, parseTimestamp } from "./parse-timestamp.js";
export { documentCredentials, retrievalError, tryRequest, type TransportFailure } from "./endpoint-credentials.js";
export { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic.js";
export { withFileLock, type FileLockOptions } from "./with-file-lock.js";
export { updateFile, type UpdateFileOptions } from "./update-file.js";
export { realTarget } from "./real-target.js";
export { nodeCrypto, nodeFsPromises } from "./lazy-builtins.js";
export { sectionKeyPair, sectionOrigin, sectionText, type SectionPlace } from "./section-keys.js";
export { escapeUri } from "./escape-uri.js";
export { MAX_QUOTED_CHARS, quoteUntrusted, REDACTED, redactSecrets, type QuoteOptions } from "./redact.js";
export { boundedList } from "./bounded-list.js";
export { ensureBoolean } from "./ensure-boolean.js";
export { pythonInt } from "./python-int.js";
export { checkRegionName } from "./region-name.js";
export { PARTITIONS, partitionOf, type Partition } from "./partitions.js";
export { resolveSetting, settingEnv, type ProfileSettings, type ResolvedSetting, type Setting, type SettingSources } from "./resolve-setting.js";
export { resolveEndpointUrl } from "./resolve-endpoint-url.js";
export {
  EC2_INSTANCE_PROFILE_NAME,
  EC2_METADATA_SERVICE_ENDPOINT,
  EC2_METADATA_SERVICE_ENDPOINT_MODE,
  EC2_METADATA_V1_DISABLED,
  endpointUrlSetting,
  IGNORE_CONFIGURED_ENDPOINT_URLS,
  IMDS_USE_IPV6,
  MAX_ATTEMPTS,
  METADATA_SERVICE_NUM_ATTEMPTS,
  METADATA_SERVICE_TIMEOUT,
  REGION,
  STS_REGIONAL_ENDPOINTS,
  USE_DUALSTACK_ENDPOINT,
  USE_FIPS_ENDPOINT,
} from "./settings.js";
export { USED_DETAIL } from "./used-detail.js";
export type { SsoProfileConfig } from "./sso-profile-config.js";
