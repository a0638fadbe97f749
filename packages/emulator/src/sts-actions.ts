import { isoSeconds } from "./credential-issuer.js";
import { StsFailure } from "./sts-failure.js";
import type { IssuedStsCredentials, KeyTable, KnownKey } from "./sts-identities.js";
import { checkMfa, durationSeconds, packedPolicySize, roleAndSession } from "./sts-parameters.js";
import { required } from "./sts-request.js";
import type { XmlTree } from "./sts-xml.js";

/** A role the emulator lets callers assume. */
export interface StsRole {
  /** `arn:aws:iam::<account>:role/<name>`. */
  arn: string;
  /** AssumeRole needs SerialNumber + TokenCode (the configured `mfaTokenCode`). Default: false. */
  requireMfa?: boolean;
  /** AssumeRole must pass exactly this ExternalId. Default: none required. */
  externalId?: string;
  /** The role's MaxSessionDuration: longer DurationSeconds fail. Default: 3600, as IAM. */
  maxSessionDurationSeconds?: number;
}

/** What the actions share: the emulator's clock, keys, roles and accepted tokens. */
export interface StsState {
  now: () => number;
  keys: KeyTable;
  /** Undefined: any well-formed role ARN can be assumed. */
  roles: Map<string, StsRole> | undefined;
  mfaTokenCode: string;
  webTokens: Set<string>;
  expiredWebTokens: Set<string>;
}

/** An action a signed caller makes; `expired` asks for credentials whose Expiration has passed. */
export type SignedAction = (state: StsState, caller: KnownKey, p: Record<string, string>, expired: boolean) => XmlTree;

const expiration = (state: StsState, seconds: number, expired: boolean) =>
  new Date(Math.floor((expired ? state.now() - 60_000 : state.now() + seconds * 1000) / 1000) * 1000);

const credentialsXml = (c: IssuedStsCredentials): XmlTree => ({
  AccessKeyId: c.accessKeyId,
  SecretAccessKey: c.secretAccessKey,
  SessionToken: c.sessionToken,
  Expiration: isoSeconds(c.expiration),
});

/** AssumeRole: the role must be known (when roles are given), its ExternalId, MFA and session limits met. */
export const assumeRole: SignedAction = (state, caller, p, expired) => {
  const { roleArn, session, account, roleName } = roleAndSession(p);
  const role = state.roles ? state.roles.get(roleArn) : { arn: roleArn };
  const denied = () => new StsFailure("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  if (!role) throw denied();
  const seconds = durationSeconds(p, 3600, 43200);
  if (caller.assumedRole && p.DurationSeconds !== undefined && seconds > 3600) {
    throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
  }
  if (seconds > (role.maxSessionDurationSeconds ?? 3600)) {
    throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  if (role.externalId !== undefined && p.ExternalId !== role.externalId) throw denied();
  if (role.requireMfa || p.SerialNumber !== undefined || p.TokenCode !== undefined) checkMfa(p, undefined, state.mfaTokenCode);
  const packed = packedPolicySize(p) ?? (p["Tags.member.1.Key"] !== undefined ? 5 : undefined);
  const roleId = `AROAEMULATOR${roleName.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 9).padEnd(9, "X")}`;
  const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`;
  const issued = state.keys.issue("AssumeRole", arn, `${roleId}:${session}`, expiration(state, seconds, expired));
  return {
    Credentials: credentialsXml(issued),
    AssumedRoleUser: { AssumedRoleId: issued.userId, Arn: arn },
    PackedPolicySize: packed,
    SourceIdentity: p.SourceIdentity,
  };
};

/** GetSessionToken: long-term keys only; MFA checked against the user's device when given. */
export const getSessionToken: SignedAction = (state, caller, p, expired) => {
  if (caller.sessionToken !== undefined) throw new StsFailure("AccessDenied", "Cannot call GetSessionToken with session credentials");
  const seconds = durationSeconds(p, 43200, 129600);
  if (p.SerialNumber !== undefined || p.TokenCode !== undefined) checkMfa(p, caller.mfaSerial, state.mfaTokenCode);
  const issued = state.keys.issue("GetSessionToken", caller.arn, caller.userId, expiration(state, seconds, expired));
  return { Credentials: credentialsXml(issued) };
};

/** GetCallerIdentity: who the signing key belongs to. */
export const getCallerIdentity: SignedAction = (_state, caller) => ({ Arn: caller.arn, UserId: caller.userId, Account: caller.arn.split(":")[4] ?? "" });

/** AssumeRoleWithWebIdentity (unsigned): the token must be one of the accepted ones and not expired. */
export function assumeRoleWithWebIdentity(state: StsState, p: Record<string, string>, expired: boolean): XmlTree {
  const token = required(p, "WebIdentityToken");
  const { roleArn, session, account, roleName } = roleAndSession(p);
  if (state.expiredWebTokens.has(token)) throw new StsFailure("ExpiredTokenException", "Token expired: current date/time is past the token's expiry");
  if (!state.webTokens.has(token)) {
    throw new StsFailure(
      "InvalidIdentityToken",
      "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.",
    );
  }
  if (state.roles && !state.roles.has(roleArn)) throw new StsFailure("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
  const seconds = durationSeconds(p, 3600, 43200);
  if (seconds > (state.roles?.get(roleArn)?.maxSessionDurationSeconds ?? 3600)) {
    throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  }
  const packed = packedPolicySize(p);
  const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`;
  const issued = state.keys.issue("AssumeRoleWithWebIdentity", arn, `AROAEMULATORWEBIDENTITY:${session}`, expiration(state, seconds, expired));
  return {
    Credentials: credentialsXml(issued),
    SubjectFromWebIdentityToken: "credchain-emulator-subject",
    AssumedRoleUser: { AssumedRoleId: issued.userId, Arn: arn },
    Provider: "credchain-emulator",
    Audience: "sts.amazonaws.com",
    PackedPolicySize: packed,
    SourceIdentity: p.SourceIdentity,
  };
}

/** The actions a signed caller can make, by Action name (a Map: `toString` is no action). */
export const SIGNED_ACTIONS: ReadonlyMap<string, SignedAction> = new Map([
  ["AssumeRole", assumeRole],
  ["GetSessionToken", getSessionToken],
  ["GetCallerIdentity", getCallerIdentity],
]);
