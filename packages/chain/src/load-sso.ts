// Loaded on first use by plan-providers.ts: the SSO provider (the one place the chain imports it).
export { fromSso } from "@credchain/provider-sso";
