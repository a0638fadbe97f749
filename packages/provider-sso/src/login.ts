// The `@credchain/provider-sso/login` entry point: `aws login` sessions (botocore's LoginProvider),
// apart from the root entry so an SSO-only bundle or process never loads the DPoP and Sign-In code.
export { fromLogin, LOGIN_REFRESH_THRESHOLD_MS, type LoginInit } from "./from-login.js";
export { loginCacheDir, loginCacheFile, AWS_LOGIN_CACHE_DIRECTORY, type LoginToken } from "./login-cache.js";
export { resolveSigninEndpoint, AWS_ENDPOINT_URL_SIGNIN } from "./signin-endpoint.js";
