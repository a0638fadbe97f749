import { CredchainError, type ChainAttempt } from "@credchain/core/local";

/**
 * The error for "no provider had credentials", listing what each one looked at: the fix for the
 * AWS SDK's bare "Could not load credentials from any providers".
 */
export function noCredentialsError(attempts: ChainAttempt[]): CredchainError {
  const lines = attempts.map((a) => `  - ${a.source}: ${a.reason}`);
  return new CredchainError({
    code: "NoCredentials",
    message: ["Unable to locate credentials. Each provider in order:", ...lines].join("\n"),
    attempts,
  });
}
