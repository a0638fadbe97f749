import { CredchainError } from "@credchain/core/local";

/**
 * A sign-in (`sso login`) failure: `TokenRetrieval` (a token could not be obtained from SSO-OIDC),
 * source `sso`, naming the step and the endpoint, never a secret.
 */
export function signInFailure(message: string, cause?: unknown): CredchainError {
  return new CredchainError({ code: "TokenRetrieval", message, source: "sso", ...(cause !== undefined && { cause }) });
}
