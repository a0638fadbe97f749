export { fromSso, DEFAULT_SSO_MAX_ATTEMPTS, DEFAULT_SSO_TIMEOUT_MS, type SsoInit } from "./from-sso.js";
// Validated from a profile by provider-ini (its plan, or ssoConfigFromProfile).
export type { SsoProfileConfig } from "@credchain/core/internal";
export { ssoTokenCacheDir, ssoTokenCacheFile, type SsoToken } from "./token-cache.js";
export {
  resolveSsoEndpoint,
  AWS_ENDPOINT_URL,
  AWS_ENDPOINT_URL_SSO,
  AWS_ENDPOINT_URL_SSO_OIDC,
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
  type SsoService,
} from "./endpoints.js";
export { signInCommand, type SignInTarget } from "./errors.js";
export { SSO_TOKEN_REFRESH_WINDOW_MS } from "./load-sso-token.js";
// `aws login` sessions (fromLogin, DPoP, Sign-In) are the "./login" entry point, so SSO alone never carries them.
