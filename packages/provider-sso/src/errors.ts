import { CredchainError, type ErrorCode, type LookedAt } from "@credchain/core";
import type { SsoProfileConfig } from "./sso-config.js";

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

export interface SsoFailure {
  code: ErrorCode;
  message: string;
  config: Pick<SsoProfileConfig, "profile" | "ssoSession">;
  lookedAt: LookedAt;
  /** Append "Run `aws sso login …`" to the message. */
  hint?: boolean;
  file?: string | undefined;
  key?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/** A provider error naming the profile, with the cache file and token expiry for `explain`. */
export function ssoError(f: SsoFailure): CredchainError {
  return new CredchainError({
    code: f.code,
    message: f.hint ? `${f.message} To sign in again, run: ${loginCommand(f.config)}` : f.message,
    source: "sso",
    profile: f.config.profile,
    file: f.file,
    key: f.key,
    status: f.status,
    cause: f.cause,
    lookedAt: f.lookedAt,
  });
}
