// Loaded on first use: SSO stays out of programs that never call fromSSO.
export { fromSso, resolveSsoEndpoint } from "@credchain/provider-sso";
