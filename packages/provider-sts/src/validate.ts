import { CredchainError, type CredentialSource } from "@credchain/core/local";

/** `arn:<partition>:iam::<12 digits>:role/<path/>name`, the only ARN AssumeRole accepts. */
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

/** STS roleDurationSecondsType bounds. */
export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 43200;

function invalid(source: CredentialSource, key: string, message: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source, key });
}

/**
 * Checks what AssumeRole* would reject, before any request: the role ARN, session name and
 * duration (`InvalidConfig` naming the profile key botocore would name).
 *
 * @example
 * ```ts
 * validateRoleRequest("assume-role", { roleArn: "arn:aws:iam::123456789012:role/dev", roleSessionName: "me", durationSeconds: 900 });
 * ```
 */
export function validateRoleRequest(
  source: CredentialSource,
  p: { roleArn: string; roleSessionName: string; durationSeconds?: number | undefined },
): void {
  if (!ROLE_ARN.test(p.roleArn)) {
    throw invalid(source, "role_arn", `role_arn "${p.roleArn}" is not a role ARN (expected arn:aws:iam::<12-digit account>:role/<name>)`);
  }
  // botocore checks only the minimum length before calling; STS itself judges the rest.
  if (p.roleSessionName.length < 2) {
    throw invalid(source, "role_session_name", `role_session_name "${p.roleSessionName}" must be at least 2 characters`);
  }
  const d = p.durationSeconds;
  if (d !== undefined && (!Number.isInteger(d) || d < MIN_DURATION_SECONDS || d > MAX_DURATION_SECONDS)) {
    throw invalid(source, "duration_seconds", `duration_seconds ${d} is out of range: STS accepts whole seconds from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}`);
  }
}

/**
 * botocore's generated RoleSessionName: `botocore-session-<epoch seconds>`.
 *
 * @example
 * ```ts
 * generatedSessionName(Date.now()); // "botocore-session-1767225600"
 * ```
 */
export function generatedSessionName(nowMs: number): string {
  return `botocore-session-${Math.floor(nowMs / 1000)}`;
}
