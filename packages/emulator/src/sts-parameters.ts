import { StsFailure } from "./sts-failure.js";
import { required } from "./sts-request.js";

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** RoleArn and RoleSessionName, validated as AssumeRole and AssumeRoleWithWebIdentity do. */
export function roleAndSession(p: Record<string, string>): { roleArn: string; session: string; account: string; roleName: string } {
  const roleArn = required(p, "RoleArn");
  const session = required(p, "RoleSessionName");
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw new StsFailure("ValidationError", `${roleArn} is invalid`);
  if (!SESSION_NAME.test(session)) {
    throw new StsFailure(
      "ValidationError",
      `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  return { roleArn, session, account: m[1]!, roleName: m[2]! };
}

/** DurationSeconds: `fallback` when absent, else an integer in [900, max]. */
export function durationSeconds(p: Record<string, string>, fallback: number, max: number): number {
  if (p.DurationSeconds === undefined) return fallback;
  const value = Number(p.DurationSeconds);
  if (!Number.isInteger(value)) throw new StsFailure("ValidationError", `Value '${p.DurationSeconds}' at 'durationSeconds' is not an integer`);
  if (value < 900) {
    throw new StsFailure("ValidationError", `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
  }
  if (value > max) {
    throw new StsFailure("ValidationError", `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
  return value;
}

/** SerialNumber + TokenCode: a six-digit code, the device `serial` when one is set, and the one code that passes. */
export function checkMfa(p: Record<string, string>, serial: string | undefined, mfaTokenCode: string): void {
  if (p.TokenCode !== undefined && !/^\d{6}$/.test(p.TokenCode)) {
    throw new StsFailure("ValidationError", "1 validation error detected: Value at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*");
  }
  if (p.SerialNumber === undefined || p.TokenCode === undefined || (serial !== undefined && p.SerialNumber !== serial)) {
    throw new StsFailure("AccessDenied", "MultiFactorAuthentication failed, unable to validate MFA code");
  }
  if (p.TokenCode !== mfaTokenCode) throw new StsFailure("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code. ");
}

/** A session Policy must be JSON; the answer's PackedPolicySize (a made-up percentage), or undefined without one. */
export function packedPolicySize(p: Record<string, string>): number | undefined {
  if (p.Policy === undefined) return undefined;
  try {
    JSON.parse(p.Policy);
  } catch {
    throw new StsFailure("MalformedPolicyDocument", "The policy is not in the valid JSON format.");
  }
  return Math.min(99, Math.ceil(p.Policy.length / 20));
}
