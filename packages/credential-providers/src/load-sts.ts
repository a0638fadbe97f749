// Loaded on first use: the STS client stays out of programs that never assume a role.
export { createStsClient, fromAssumeRole, fromWebIdentity, generatedSessionName, validateRoleRequest } from "@credchain/provider-sts";
