// The public face of @credchain/core: what a user composing a chain or writing a provider needs.
// What only credchain's own packages use is `@credchain/core/internal` (not covered by semver).
export {
  CREDENTIAL_SOURCES,
  SDK_ONLY_SOURCES,
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
export type { LocalContext, LocalContextInit } from "./local-context.js";
export {
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  type TransportErrorKind,
} from "./transport.js";
export { fetchTransport, type FetchTransportOptions } from "./fetch-transport.js";
export { directTransport, type DirectTransportOptions } from "./direct-transport.js";
export { httpTransport, type HttpTransportOptions } from "./http-transport.js";
export {
  parseConfig,
  type ConfigSection,
  type ConfigSubsection,
  type ParseConfigOptions,
  type ParsedConfig,
} from "./config-parser.js";
export type { ReadFileOptions } from "./read-regular-file.js";
export { loadConfigFile, type LoadedConfigFile } from "./load-config-file.js";
export { parseTimestamp } from "./parse-timestamp.js";
export { quoteUntrusted, redactSecrets, type QuoteOptions } from "./redact.js";
export { resolveSetting, type ProfileSettings, type ResolvedSetting, type Setting, type SettingSources } from "./resolve-setting.js";
export { resolveEndpointUrl } from "./resolve-endpoint-url.js";
export { endpointUrlSetting, MAX_ATTEMPTS, REGION, USE_DUALSTACK_ENDPOINT, USE_FIPS_ENDPOINT } from "./settings.js";
