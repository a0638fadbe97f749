// Loaded on first use by plan-providers.ts: the STS providers and what wraps them. A module of
// its own, imported statically from the packages, so a bundle keeps only these names.
export { AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, AWS_WEB_IDENTITY_TOKEN_FILE, fromAssumeRole, fromWebIdentity } from "@credchain/provider-sts";
export { roleCacheKey, withRoleFileCache } from "./role-file-cache.js";
