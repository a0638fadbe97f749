// `@credchain/core/internal`: what credchain's own packages share and users do not need. Not
// covered by semver: any release may change or remove these. The public face is the root entry.
export { AWS_API_FIELD_NAMES } from "./credentials.js";
export { resolveDirectContext } from "./direct-context.js";
export { resolveLocalContext, resolveLogger } from "./local-context.js";
export { expandPath, expandUser, expandVars } from "./expand-path.js";
export { AWS_DEFAULT_PROFILE, AWS_PROFILE, selectProfile, type SelectedProfile } from "./profile.js";
export { transportError, transportFailure } from "./transport.js";
export { envProxies, HTTP_PROXY, HTTPS_PROXY, NO_PROXY, proxyBypass, proxyFor } from "./env-proxies.js";
export { isNeverProxied } from "./never-proxied.js";
export { CONFIG_FILE_MAX_BYTES, readRegularFile, TOKEN_FILE_MAX_BYTES } from "./read-regular-file.js";
export { describeReadError } from "./describe-read-error.js";
export { isNotAFile } from "./load-config-file.js";
export { shlexSplit } from "./shlex-split.js";
export { NOT_A_TIMESTAMP } from "./parse-timestamp.js";
export { documentCredentials, retrievalError, tryRequest, type TransportFailure } from "./endpoint-credentials.js";
export { writeFileAtomic, type WriteFileAtomicOptions } from "./write-file-atomic.js";
export { withFileLock, type FileLockOptions } from "./with-file-lock.js";
export { updateFile, type UpdateFileOptions } from "./update-file.js";
export { realTarget } from "./real-target.js";
export { nodeCrypto, nodeFsPromises } from "./lazy-builtins.js";
export { sectionKeyPair, sectionOrigin, sectionText, type SectionPlace } from "./section-keys.js";
export { escapeUri } from "./escape-uri.js";
export { MAX_QUOTED_CHARS, REDACTED } from "./redact.js";
export { boundedList } from "./bounded-list.js";
export { ensureBoolean } from "./ensure-boolean.js";
export { pythonInt } from "./python-int.js";
export { checkRegionName } from "./region-name.js";
export { PARTITIONS, partitionOf, type Partition } from "./partitions.js";
export { settingEnv } from "./resolve-setting.js";
export {
  EC2_INSTANCE_PROFILE_NAME,
  EC2_METADATA_SERVICE_ENDPOINT,
  EC2_METADATA_SERVICE_ENDPOINT_MODE,
  EC2_METADATA_V1_DISABLED,
  IGNORE_CONFIGURED_ENDPOINT_URLS,
  IMDS_USE_IPV6,
  METADATA_SERVICE_NUM_ATTEMPTS,
  METADATA_SERVICE_TIMEOUT,
  STS_REGIONAL_ENDPOINTS,
} from "./settings.js";
export { USED_DETAIL } from "./used-detail.js";
export type { SsoProfileConfig } from "./sso-profile-config.js";
export { mergeSections } from "./config-parser.js";
