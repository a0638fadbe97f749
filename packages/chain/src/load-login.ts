// Loaded on first use by plan-providers.ts, only for a profile with a login session: the login
// provider is its own entry point, so a chain that never reaches it never loads it.
export { fromLogin } from "@credchain/provider-sso/login";
