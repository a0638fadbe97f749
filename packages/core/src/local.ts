// `@credchain/core/local`: the root entry without HTTP, for code that reads only env, files or a
// child process: credentials, errors, the local context's types, the INI parser and file loader,
// timestamps, redaction and the settings resolver. Covered by semver like the root, which exports
// all of these too. A bundler loads a package file whole, so code that imports the root loads the
// transports with it; the default chain imports this entry before its first provider runs, and
// the providers that call endpoints (loaded on demand) import the root.
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
export { stderrLogger, type Env, type LocalContext, type LocalContextInit, type Logger, type ReadFile } from "./local-context.js";
export type { ProviderContext, ProviderContextInit } from "./context.js";
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
export { endpointUrlSetting, MAX_ATTEMPTS, REGION, USE_DUALSTACK_ENDPOINT, USE_FIPS_ENDPOINT } from "./settings.js";
