// Loaded on first use: the STS client, and the refresh of the credentials that sign for it, stay
// out of programs that never assume a role.
export { createStsClient, fromAssumeRole, fromWebIdentity, generatedSessionName, validateRoleRequest } from "@credchain/provider-sts";
export { withRefresh } from "@credchain/refresh-manager";
