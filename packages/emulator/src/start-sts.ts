import { isoSeconds } from "./credential-issuer.js";
import { startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";
import { defaultStsUser, KeyTable, type IssuedStsCredentials, type KnownKey, type StsUser } from "./sts-identities.js";
import { expectedSignature, parseAmzDate, parseAuthorization } from "./sts-signature.js";
import { stsError, stsSuccess, type XmlTree } from "./sts-xml.js";

/** The Query API version STS speaks. */
export const STS_API_VERSION = "2011-06-15";

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

export interface StsOptions extends Omit<EmulatorOptions, "credentialLifetimeSeconds"> {
  /** Callers accepted (long-term or session keys). Default: one user, `AKIAEMULATORUSER0001`. */
  users?: StsUser[];
  /** Roles that can be assumed. Default: any well-formed role ARN, without MFA or ExternalId. */
  roles?: StsRole[];
  /** The one TokenCode that passes MFA. Default: `"123456"`. */
  mfaTokenCode?: string;
  /** Web identity tokens AssumeRoleWithWebIdentity accepts. Default: `["credchain-emulator-web-identity-token"]`. */
  webIdentityTokens?: string[];
  /** Tokens answered with ExpiredTokenException. Default: none. */
  expiredWebIdentityTokens?: string[];
  /** Allowed clock skew of a signed request (`X-Amz-Date` vs `now()`), as STS. Default: 900 s. */
  maxClockSkewSeconds?: number;
}

/** One STS call as the emulator saw it. `WebIdentityToken` and `TokenCode` values read `[redacted]`. */
export interface StsCall {
  action: string;
  /** The caller's access key id (undefined for unsigned calls). */
  accessKeyId?: string | undefined;
  /** The Query parameters except Action and Version. */
  params: Record<string, string>;
  status: number;
  /** The STS error code sent, if any. */
  errorCode?: string | undefined;
  time: number;
}

/** A running STS emulator. */
export interface StsEmulator extends EmulatorHandle {
  /** `{ AWS_ENDPOINT_URL_STS: url }`: botocore and credchain send STS calls here. */
  readonly env: Record<string, string>;
  /** The accepted users (the default one included when none were given). */
  readonly users: readonly StsUser[];
  /** Every set of credentials issued so far, oldest first (a live array). */
  readonly issued: readonly IssuedStsCredentials[];
  /** Every STS call answered by the handler (not those answered by a fault), oldest first (a live array). */
  readonly calls: StsCall[];
}

const REDACTED_PARAMS = new Set(["WebIdentityToken", "TokenCode"]);
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

class StsFailure extends Error {
  constructor(readonly code: string, message: string, readonly status?: number) {
    super(message);
  }
}

/**
 * Starts an STS Query API endpoint on loopback: AssumeRole, GetSessionToken,
 * AssumeRoleWithWebIdentity (unsigned) and GetCallerIdentity, with every signed request's SigV4
 * signature recomputed by `aws4` from the caller's secret. Issued credentials are deterministic
 * (`ASIASTSEMULATOR00001`, …) and accepted as callers, so role chaining works. Faults are keyed
 * by Action (`"AssumeRole"`) or `"*"`.
 *
 * @example
 * ```ts
 * const sts = await startSts({ roles: [{ arn: "arn:aws:iam::123456789012:role/dev", requireMfa: true }] });
 * // botocore: AWS_ENDPOINT_URL_STS=sts.url, keys AKIAEMULATORUSER0001 / sts.users[0].secretAccessKey
 * sts.fault("AssumeRole", stsError("Throttling", "Rate exceeded"), { times: 1 });
 * await sts.close();
 * ```
 */
export async function startSts(options: StsOptions = {}): Promise<StsEmulator> {
  const now = options.now ?? Date.now;
  const accountId = options.accountId ?? "123456789012";
  const users = options.users ?? [defaultStsUser(accountId)];
  const keys = new KeyTable(users);
  const roles = options.roles && new Map(options.roles.map((r) => [r.arn, r]));
  const mfaTokenCode = options.mfaTokenCode ?? "123456";
  const webTokens = new Set(options.webIdentityTokens ?? ["credchain-emulator-web-identity-token"]);
  const expiredWebTokens = new Set(options.expiredWebIdentityTokens ?? []);
  const maxSkewMs = (options.maxClockSkewSeconds ?? 900) * 1000;
  const calls: StsCall[] = [];
  let requestSerial = 0;

  const requestId = () => `00000000-0000-4000-8000-${String(++requestSerial).padStart(12, "0")}`;

  const authenticate = (req: HandlerRequest): KnownKey => {
    const header = req.headers.authorization;
    if (header === undefined) throw new StsFailure("MissingAuthenticationToken", "Request is missing Authentication Token");
    const auth = parseAuthorization(header);
    const amzDate = req.headers["x-amz-date"];
    if (!auth || amzDate === undefined) {
      throw new StsFailure("IncompleteSignature", "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and an X-Amz-Date header.");
    }
    const key = keys.get(auth.accessKeyId);
    if (!key) throw new StsFailure("InvalidClientTokenId", "The security token included in the request is invalid.");
    const token = req.headers["x-amz-security-token"];
    if (token !== key.sessionToken) throw new StsFailure("InvalidClientTokenId", "The security token included in the request is invalid.");
    if (auth.service !== "sts") throw new StsFailure("SignatureDoesNotMatch", "Credential should be scoped to correct service: 'sts'.");
    const signedAt = parseAmzDate(amzDate);
    if (!(Math.abs(signedAt - now()) <= maxSkewMs) || amzDate.slice(0, 8) !== auth.date) {
      throw new StsFailure("SignatureDoesNotMatch", `Signature expired: ${amzDate} is now earlier or later than the allowed window.`);
    }
    if (expectedSignature(req, auth, amzDate, key.secretAccessKey) !== auth.signature) {
      throw new StsFailure(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
      );
    }
    if (key.expiration !== undefined && key.expiration <= now()) {
      throw new StsFailure("ExpiredToken", "The security token included in the request is expired");
    }
    return key;
  };

  const expiration = (seconds: number, expired: boolean) =>
    new Date(Math.floor((expired ? now() - 60_000 : now() + seconds * 1000) / 1000) * 1000);

  const credentialsXml = (c: IssuedStsCredentials): XmlTree => ({
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    SessionToken: c.sessionToken,
    Expiration: isoSeconds(c.expiration),
  });

  /** Validates RoleArn and RoleSessionName as AssumeRole and AssumeRoleWithWebIdentity do. */
  const roleAndSession = (p: Record<string, string>) => {
    const roleArn = required(p, "RoleArn");
    const session = required(p, "RoleSessionName");
    const m = ROLE_ARN.exec(roleArn);
    if (!m) throw new StsFailure("ValidationError", `${roleArn} is invalid`);
    if (!SESSION_NAME.test(session)) {
      throw new StsFailure("ValidationError", `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    }
    return { roleArn, session, account: m[1]!, roleName: m[2]! };
  };

  const duration = (p: Record<string, string>, fallback: number, max: number) => {
    if (p.DurationSeconds === undefined) return fallback;
    const value = Number(p.DurationSeconds);
    if (!Number.isInteger(value)) throw new StsFailure("ValidationError", `Value '${p.DurationSeconds}' at 'durationSeconds' is not an integer`);
    if (value < 900) throw new StsFailure("ValidationError", `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    if (value > max) throw new StsFailure("ValidationError", `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
    return value;
  };

  const checkMfa = (p: Record<string, string>, serial: string | undefined) => {
    if (p.TokenCode !== undefined && !/^\d{6}$/.test(p.TokenCode)) {
      throw new StsFailure("ValidationError", "1 validation error detected: Value at 'tokenCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]*");
    }
    if (p.SerialNumber === undefined || p.TokenCode === undefined || (serial !== undefined && p.SerialNumber !== serial)) {
      throw new StsFailure("AccessDenied", "MultiFactorAuthentication failed, unable to validate MFA code");
    }
    if (p.TokenCode !== mfaTokenCode) throw new StsFailure("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code. ");
  };

  const checkPolicy = (p: Record<string, string>) => {
    if (p.Policy === undefined) return undefined;
    try {
      JSON.parse(p.Policy);
    } catch {
      throw new StsFailure("MalformedPolicyDocument", "The policy is not in the valid JSON format.");
    }
    return Math.min(99, Math.ceil(p.Policy.length / 20));
  };

  const assumeRole = (caller: KnownKey, p: Record<string, string>, expired: boolean): XmlTree => {
    const { roleArn, session, account, roleName } = roleAndSession(p);
    const role = roles ? roles.get(roleArn) : { arn: roleArn };
    const denied = () => new StsFailure("AccessDenied", `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    if (!role) throw denied();
    const seconds = duration(p, 3600, 43200);
    if (caller.assumedRole && p.DurationSeconds !== undefined && seconds > 3600) {
      throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }
    if (seconds > (role.maxSessionDurationSeconds ?? 3600)) {
      throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    if (role.externalId !== undefined && p.ExternalId !== role.externalId) throw denied();
    if (role.requireMfa || p.SerialNumber !== undefined || p.TokenCode !== undefined) checkMfa(p, undefined);
    const packed = checkPolicy(p) ?? (p["Tags.member.1.Key"] !== undefined ? 5 : undefined);
    const roleId = `AROAEMULATOR${roleName.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 9).padEnd(9, "X")}`;
    const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`;
    const issued = keys.issue("AssumeRole", arn, `${roleId}:${session}`, expiration(seconds, expired));
    return {
      Credentials: credentialsXml(issued),
      AssumedRoleUser: { AssumedRoleId: issued.userId, Arn: arn },
      PackedPolicySize: packed,
      SourceIdentity: p.SourceIdentity,
    };
  };

  const getSessionToken = (caller: KnownKey, p: Record<string, string>, expired: boolean): XmlTree => {
    if (caller.sessionToken !== undefined) throw new StsFailure("AccessDenied", "Cannot call GetSessionToken with session credentials");
    const seconds = duration(p, 43200, 129600);
    if (p.SerialNumber !== undefined || p.TokenCode !== undefined) checkMfa(p, caller.mfaSerial);
    const issued = keys.issue("GetSessionToken", caller.arn, caller.userId, expiration(seconds, expired));
    return { Credentials: credentialsXml(issued) };
  };

  const assumeRoleWithWebIdentity = (p: Record<string, string>, expired: boolean): XmlTree => {
    const token = required(p, "WebIdentityToken");
    const { roleArn, session, account, roleName } = roleAndSession(p);
    if (expiredWebTokens.has(token)) throw new StsFailure("ExpiredTokenException", "Token expired: current date/time is past the token's expiry");
    if (!webTokens.has(token)) {
      throw new StsFailure("InvalidIdentityToken", "The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.");
    }
    if (roles && !roles.has(roleArn)) throw new StsFailure("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    const seconds = duration(p, 3600, 43200);
    if (seconds > (roles?.get(roleArn)?.maxSessionDurationSeconds ?? 3600)) {
      throw new StsFailure("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    const packed = checkPolicy(p);
    const arn = `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`;
    const issued = keys.issue("AssumeRoleWithWebIdentity", arn, `AROAEMULATORWEBIDENTITY:${session}`, expiration(seconds, expired));
    return {
      Credentials: credentialsXml(issued),
      SubjectFromWebIdentityToken: "credchain-emulator-subject",
      AssumedRoleUser: { AssumedRoleId: issued.userId, Arn: arn },
      Provider: "credchain-emulator",
      Audience: "sts.amazonaws.com",
      PackedPolicySize: packed,
      SourceIdentity: p.SourceIdentity,
    };
  };

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    const params = queryParams(req);
    const action = params.Action ?? "";
    const call: StsCall = { action, params: redactParams(params), status: 0, time: now() };
    const id = requestId();
    const finish = (response: HandlerResponse, errorCode?: string) => {
      call.status = response.status;
      if (errorCode !== undefined) call.errorCode = errorCode;
      calls.push(call);
      return response;
    };
    try {
      if (req.method !== "POST" && req.method !== "GET") throw new StsFailure("InvalidAction", `Unsupported method ${req.method}`, 405);
      if (action === "") throw new StsFailure("MissingAction", "Missing Action");
      if (params.Version !== STS_API_VERSION) throw new StsFailure("InvalidAction", `Could not find operation ${action} for version ${params.Version ?? "NO_VERSION_SPECIFIED"}`);
      let result: XmlTree;
      if (action === "AssumeRoleWithWebIdentity") {
        result = assumeRoleWithWebIdentity(params, flags.expiredCredentials);
      } else {
        const caller = authenticate(req);
        call.accessKeyId = caller.accessKeyId;
        if (action === "AssumeRole") result = assumeRole(caller, params, flags.expiredCredentials);
        else if (action === "GetSessionToken") result = getSessionToken(caller, params, flags.expiredCredentials);
        else if (action === "GetCallerIdentity") result = { Arn: caller.arn, UserId: caller.userId, Account: accountOf(caller.arn) };
        else throw new StsFailure("InvalidAction", `Could not find operation ${action} for version ${STS_API_VERSION}`);
      }
      return finish(stsSuccess(action, result, id));
    } catch (error) {
      if (!(error instanceof StsFailure)) throw error;
      return finish(stsError(error.code, error.message, error.status, id), error.code);
    }
  };

  const server = await startEmulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    now,
    handler,
    onRequest: options.onRequest,
    faultRoute: (req) => queryParams(req).Action ?? "",
    tls: options.tls,
  });
  return { ...server, env: { AWS_ENDPOINT_URL_STS: server.url }, users, issued: keys.issued, calls };
}

function required(p: Record<string, string>, name: string): string {
  const value = p[name];
  if (value === undefined || value === "") {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new StsFailure("ValidationError", `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** Query-string and form-body parameters together, as the Query API reads them. */
function queryParams(req: HandlerRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(req.query)) out[k] = v;
  const type = req.headers["content-type"] ?? "";
  if (req.body !== "" && (type === "" || type.startsWith("application/x-www-form-urlencoded"))) {
    for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
  }
  return out;
}

function redactParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "Action" || k === "Version") continue;
    out[k] = REDACTED_PARAMS.has(k) ? "[redacted]" : v;
  }
  return out;
}

function accountOf(arn: string): string {
  return arn.split(":")[4] ?? "";
}
