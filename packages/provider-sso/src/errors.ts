import { CredchainError, type ErrorCode, type LookedAt } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import type { SsoProfileConfig } from "@credchain/core/internal";

/** Who signs in again: the profile, and for an SSO profile its sso-session when it has one. */
export interface SignInTarget {
  profile: string;
  ssoSession?: string | undefined;
}

/**
 * The AWS CLI command that signs a profile in again, as sso and login errors name it: `aws sso
 * login` by sso-session for that form of SSO profile, by profile for the legacy form, and `aws
 * login --profile` for an `aws login` session.
 *
 * @example
 * ```ts
 * signInCommand("sso", { profile: "dev", ssoSession: "corp" }); // "aws sso login --sso-session corp"
 * signInCommand("sso", { profile: "old" }); // "aws sso login --profile old"
 * signInCommand("login", { profile: "dev" }); // "aws login --profile dev"
 * ```
 */
export function signInCommand(source: "sso" | "login", { profile, ssoSession }: SignInTarget): string {
  return source === "login" ? `aws login --profile ${showName(profile)}` : ssoSession !== undefined ? `aws sso login --sso-session ${showName(ssoSession)}` : `aws sso login --profile ${showName(profile)}`;
}

/** A failure of the sso or login provider, before its sign-in hint is added. */
export interface SignInFailure {
  code: ErrorCode;
  message: string;
  lookedAt: LookedAt;
  /** Append "To sign in again, run: <command>" to the message. */
  hint?: boolean;
  file?: string | undefined;
  key?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/** An sso or login error naming the profile, with the cache file and expiry for `explain`. */
export function signInError(source: "sso" | "login", target: SignInTarget, f: SignInFailure): CredchainError {
  return new CredchainError({
    code: f.code,
    message: f.hint ? `${f.message} To sign in again, run: ${signInCommand(source, target)}` : f.message,
    source,
    profile: target.profile,
    file: f.file,
    key: f.key,
    status: f.status,
    cause: f.cause,
    lookedAt: f.lookedAt,
  });
}

export interface SsoFailure extends SignInFailure {
  config: Pick<SsoProfileConfig, "profile" | "ssoSession">;
}

/** A provider error naming the profile, with the cache file and token expiry for `explain`. */
export function ssoError(f: SsoFailure): CredchainError {
  return signInError("sso", f.config, f);
}
