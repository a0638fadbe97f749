import { CredchainError, type ErrorCode, type LookedAt } from "@credchain/core";

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

export interface LoginFailure {
  code: ErrorCode;
  message: string;
  profile: string;
  lookedAt: LookedAt;
  /** Append "To sign in again, run: aws login --profile …". */
  hint?: boolean;
  file?: string | undefined;
  key?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/** A `login` provider error naming the profile, with the cache file and session expiry for `explain`. */
export function loginError(f: LoginFailure): CredchainError {
  return new CredchainError({
    code: f.code,
    message: f.hint ? `${f.message} To sign in again, run: ${awsLoginCommand(f.profile)}` : f.message,
    source: "login",
    profile: f.profile,
    file: f.file,
    key: f.key,
    status: f.status,
    cause: f.cause,
    lookedAt: f.lookedAt,
  });
}
