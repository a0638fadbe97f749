// `@credchain/core/internal`: what credchain's own packages share and users do not need. Not
// covered by semver: any release may change or remove these. The public face is the root entry.
// A chain imports this entry before its first provider runs, so what only providers loaded on
// demand use has entries of its own (`http`, `writes`, `aws-json`): a bundler loads a package
// file whole, and every name exported here would load up front.
export { AWS_API_FIELD_NAMES } from "./credentials.js";
export { resolveLocalContext, resolveLogger, stderrLine } from "./local-context.js";
export { expandPath, expandUser, expandVars } from "./expand-path.js";
export { AWS_DEFAULT_PROFILE, AWS_PROFILE, selectProfile, type SelectedProfile } from "./profile.js";
export { CONFIG_FILE_MAX_BYTES, readRegularFile, TOKEN_FILE_MAX_BYTES } from "./read-regular-file.js";
export { describeReadError } from "./describe-read-error.js";
export { isNotAFile } from "./load-config-file.js";
export { shlexSplit } from "./shlex-split.js";
export { NOT_A_TIMESTAMP } from "./parse-timestamp.js";
export { nodeCrypto, nodeFsPromises } from "./lazy-builtins.js";
export { sectionKeyPair, sectionOrigin, sectionText, type SectionPlace } from "./section-keys.js";
export { MAX_QUOTED_CHARS, REDACTED, showName } from "./redact.js";
export { boundedList } from "./bounded-list.js";
export { ensureBoolean } from "./ensure-boolean.js";
export { pythonInt } from "./python-int.js";
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
