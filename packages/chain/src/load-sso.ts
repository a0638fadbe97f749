// Loaded on first use by plan-providers.ts: the SSO and login providers (the one place the chain imports them).
export { fromLogin, fromSso } from "@credchain/provider-sso";
