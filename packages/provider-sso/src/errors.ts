import { CredchainError, type ErrorCode, type LookedAt } from "@credchain/core";
import type { SsoProfileConfig } from "@credchain/core";

/**
 * The command that gets a new token: by sso-session for that form, by profile for the legacy form.
 *
 * @example
 * ```ts
 * loginCommand({ profile: "dev", ssoSession: "corp" }); // "aws sso login --sso-session corp"
 * loginCommand({ profile: "old" }); // "aws sso login --profile old"
 * ```
 */
export function loginCommand(config: Pick<SsoProfileConfig, "profile" | "ssoSession">): string {
  return config.ssoSession !== undefined ? `aws sso login --sso-session ${config.ssoSession}` : `aws sso login --profile ${config.profile}`;
}

/** A failure of the sso or login provider, before its sign-in hint is added. */
export interface SignInFailure {
  code: ErrorCode;
  message: string;
  profile: string;
  lookedAt: LookedAt;
  /** Append "To sign in again, run: <command>" to the message. */
  hint?: boolean;
  file?: string | undefined;
  key?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/** An sso or login error naming the profile, with the cache file and expiry for `explain`. */
export function signInError(source: "sso" | "login", command: string, f: SignInFailure): CredchainError {
  return new CredchainError({
    code: f.code,
    message: f.hint ? `${f.message} To sign in again, run: ${command}` : f.message,
    source,
    profile: f.profile,
    file: f.file,
    key: f.key,
    status: f.status,
    cause: f.cause,
    lookedAt: f.lookedAt,
  });
}

export interface SsoFailure extends Omit<SignInFailure, "profile"> {
  config: Pick<SsoProfileConfig, "profile" | "ssoSession">;
}

/** A provider error naming the profile, with the cache file and token expiry for `explain`. */
export function ssoError(f: SsoFailure): CredchainError {
  return signInError("sso", loginCommand(f.config), { ...f, profile: f.config.profile });
}
