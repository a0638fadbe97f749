import { startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";
import { assumeRoleWithWebIdentity, SIGNED_ACTIONS, type StsRole, type StsState } from "./sts-actions.js";
import { authenticate } from "./sts-authenticate.js";
import { parseAuthorization } from "./sts-signature.js";
import { closeCall, openCall, type StsCall } from "./sts-call-log.js";
import { StsFailure } from "./sts-failure.js";
import { defaultStsUser, KeyTable, type IssuedStsCredentials, type StsUser } from "./sts-identities.js";
import { queryParams } from "./sts-request.js";
import { stsError, stsSuccess, type XmlTree } from "./sts-xml.js";

/** The Query API version STS speaks. */
export const STS_API_VERSION = "2011-06-15";

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
  const users = options.users ?? [defaultStsUser(options.accountId ?? "123456789012")];
  const state: StsState = {
    now,
    keys: new KeyTable(users),
    roles: options.roles && new Map(options.roles.map((r) => [r.arn, r])),
    mfaTokenCode: options.mfaTokenCode ?? "123456",
    webTokens: new Set(options.webIdentityTokens ?? ["credchain-emulator-web-identity-token"]),
    expiredWebTokens: new Set(options.expiredWebIdentityTokens ?? []),
  };
  const maxSkewMs = (options.maxClockSkewSeconds ?? 900) * 1000;
  const calls: StsCall[] = [];
  let requestSerial = 0;

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    const params = queryParams(req);
    const action = params.Action ?? "";
    const call = openCall(params, now());
    const id = `00000000-0000-4000-8000-${String(++requestSerial).padStart(12, "0")}`;
    try {
      if (req.method !== "POST" && req.method !== "GET") throw new StsFailure("InvalidAction", `Unsupported method ${req.method}`, 405);
      if (action === "") throw new StsFailure("MissingAction", "Missing Action");
      if (params.Version !== STS_API_VERSION) throw new StsFailure("InvalidAction", `Could not find operation ${action} for version ${params.Version ?? "NO_VERSION_SPECIFIED"}`);
      let result: XmlTree;
      if (action === "AssumeRoleWithWebIdentity") {
        result = assumeRoleWithWebIdentity(state, params, flags.expiredCredentials);
      } else {
        // STS authenticates before it looks the action up: a bad signature wins over a bad action.
        const caller = authenticate(req, state.keys, now, maxSkewMs);
        call.accessKeyId = caller.accessKeyId;
        call.signingRegion = parseAuthorization(req.headers.authorization!)?.region;
        const act = SIGNED_ACTIONS.get(action);
        if (!act) throw new StsFailure("InvalidAction", `Could not find operation ${action} for version ${STS_API_VERSION}`);
        result = act(state, caller, params, flags.expiredCredentials);
      }
      return closeCall(calls, call, stsSuccess(action, result, id));
    } catch (error) {
      if (!(error instanceof StsFailure)) throw error;
      return closeCall(calls, call, stsError(error.code, error.message, error.status, id), error.code);
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
  return { ...server, env: { AWS_ENDPOINT_URL_STS: server.url }, users, issued: state.keys.issued, calls };
}
