// The `@credchain/provider-sso/sign-in` entry point: `sso login` (device authorization) and
// `sso logout`, apart from the root entry so a credential-resolving bundle never carries them.
export { ssoLogin, type SsoLoginInit, type SsoLoginResult } from "./sso-login.js";
export { ssoLogout, type SsoLogoutInit, type SsoLogoutResult } from "./sso-logout.js";
export {
  REGISTRATION_EXPIRY_WINDOW_MS,
  ssoRegistrationCacheFile,
  type SsoClientRegistration,
  type SsoLoginSession,
} from "./sso-registration.js";
export { DEFAULT_POLL_INTERVAL_SECONDS, SLOW_DOWN_SECONDS, type PendingAuthorization } from "./device-authorization.js";
export { pythonJsonDumps, type PythonJsonValue } from "./python-json.js";
