// Loaded on first use: `aws login` (DPoP, Sign-In) stays out of programs that never call fromLoginCredentials.
export { fromLogin } from "@credchain/provider-sso/login";
