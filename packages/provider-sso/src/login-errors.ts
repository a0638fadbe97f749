import type { CredchainError } from "@credchain/core";
import { signInError, type SignInFailure } from "./errors.js";

/**
 * The command that signs a profile in again with `aws login`.
 *
 * @example
 * ```ts
 * awsLoginCommand("dev"); // "aws login --profile dev"
 * ```
 */
export function awsLoginCommand(profile: string): string {
  return `aws login --profile ${profile}`;
}

export type LoginFailure = SignInFailure;

/** A `login` provider error naming the profile, with the cache file and session expiry for `explain`. */
export function loginError(f: LoginFailure): CredchainError {
  return signInError("login", awsLoginCommand(f.profile), f);
}
