import { CredentialIssuer, type CredentialsInput, type EmulatedCredentials } from "./credential-issuer.js";
import { startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";

/** The pool offered when `pools` is not given: unauthenticated access on, one login provider. */
export const COGNITO_DEFAULT_IDENTITY_POOL_ID = "us-east-1:00000000-0000-4000-8000-000000000000";
/** The login provider of the default pool. */
export const COGNITO_DEFAULT_LOGIN_PROVIDER = "accounts.example.com";
/** The token the default pool's login provider accepts. */
export const COGNITO_DEFAULT_LOGIN_TOKEN = "emulator-login-token";
/** `X-Amz-Target` prefix of the Cognito Identity JSON 1.1 API. */
export const COGNITO_IDENTITY_TARGET_PREFIX = "AWSCognitoIdentityService.";

export interface CognitoIdentityPool {
  /** GetId without logins creates a new unauthenticated identity. Default: true. */
  allowUnauthenticated?: boolean;
  /** Login providers and the tokens each accepts: `{ "accounts.google.com": ["token"] }`. Default: none. */
  logins?: Record<string, string[]>;
}

export interface CognitoIdentityOptions extends EmulatorOptions {
  /** Identity pools by id (`<region>:<uuid>`). Default: {@link COGNITO_DEFAULT_IDENTITY_POOL_ID} with unauthenticated access and {@link COGNITO_DEFAULT_LOGIN_PROVIDER}. */
  pools?: Record<string, CognitoIdentityPool>;
}

/** One call as the emulator saw it: login provider names only, never their tokens. */
export interface CognitoIdentityCall {
  action: string;
  identityPoolId?: string | undefined;
  identityId?: string | undefined;
  accountId?: string | undefined;
  customRoleArn?: string | undefined;
  /** The provider names of `Logins`, sorted. */
  logins: string[];
  /** The error code answered, if any. */
  error?: string | undefined;
}

/** A running Cognito Identity endpoint (GetId, GetCredentialsForIdentity, GetOpenIdToken). */
export interface CognitoIdentityEmulator extends EmulatorHandle {
  /** `AWS_ENDPOINT_URL_COGNITO_IDENTITY`: the AWS SDKs, botocore and credchain send Cognito Identity calls there. */
  readonly env: Record<string, string>;
  /** Every call so far, oldest first. */
  readonly calls: CognitoIdentityCall[];
  /** Credentials served from now on (whatever is left out is issued). Never auto-rotated. */
  setCredentials(credentials: CredentialsInput): EmulatedCredentials;
  /** Issues the next deterministic credentials (`ASIAEMULATOR0000000n`) and serves them. */
  rotate(): EmulatedCredentials;
  /** The credentials being served now. */
  credentials(): EmulatedCredentials;
  /** Forgets an identity: its next GetCredentialsForIdentity is ResourceNotFoundException. */
  deleteIdentity(identityId: string): void;
}

interface Identity {
  poolId: string;
  /** `provider\ntoken` of the login that made it; undefined for an unauthenticated identity. */
  login: string | undefined;
}

/**
 * Starts Amazon Cognito Identity's credential operations on loopback, as the JSON 1.1 protocol
 * carries them (`POST /`, `X-Amz-Target: AWSCognitoIdentityService.<Operation>`), unsigned as AWS
 * accepts them: GetId (a new identity per unauthenticated call, the same identity for the same
 * login), GetCredentialsForIdentity (`Expiration` in epoch seconds) and GetOpenIdToken. Unknown
 * pools and identities are ResourceNotFoundException, bad logins or an authenticated identity
 * without its login NotAuthorizedException, malformed input InvalidParameterException; each with
 * `__type` in the body and `x-amzn-ErrorType`. Faults route by operation name (`"GetId"`). Login
 * tokens never appear in `calls` or `requests`.
 *
 * @example
 * ```ts
 * const cognito = await startCognitoIdentity();
 * // AWS SDK, botocore, credchain: AWS_ENDPOINT_URL_COGNITO_IDENTITY=cognito.url
 * cognito.fault("GetCredentialsForIdentity", 500, { times: 1 });
 * await cognito.close();
 * ```
 */
export async function startCognitoIdentity(options: CognitoIdentityOptions = {}): Promise<CognitoIdentityEmulator> {
  const now = options.now ?? Date.now;
  const pools = new Map(
    Object.entries(
      options.pools ?? { [COGNITO_DEFAULT_IDENTITY_POOL_ID]: { logins: { [COGNITO_DEFAULT_LOGIN_PROVIDER]: [COGNITO_DEFAULT_LOGIN_TOKEN] } } },
    ),
  );
  const issuer = new CredentialIssuer({ now, lifetimeSeconds: options.credentialLifetimeSeconds ?? 3600, accountId: undefined, roleArn: undefined, rotateBeforeSeconds: 300 });
  const identities = new Map<string, Identity>();
  const byLogin = new Map<string, string>();
  const calls: CognitoIdentityCall[] = [];
  let serial = 0;

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    if (req.method !== "POST" || req.path !== "/") return jsonError(404, "UnknownOperationException", `No route for ${req.method} ${req.path}`);
    const target = req.headers["x-amz-target"] ?? "";
    const action = target.startsWith(COGNITO_IDENTITY_TARGET_PREFIX) ? target.slice(COGNITO_IDENTITY_TARGET_PREFIX.length) : "";
    let input: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(req.body || "{}");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      input = parsed as Record<string, unknown>;
    } catch {
      return jsonError(400, "SerializationException", "The request body is not a JSON object");
    }
    const logins = isStringRecord(input.Logins) ? input.Logins : {};
    const call: CognitoIdentityCall = {
      action,
      identityPoolId: str(input.IdentityPoolId),
      identityId: str(input.IdentityId),
      accountId: str(input.AccountId),
      customRoleArn: str(input.CustomRoleArn),
      logins: Object.keys(logins).sort(),
    };
    calls.push(call);
    const fail = (code: string, message: string) => {
      call.error = code;
      return jsonError(400, code, message);
    };
    if (input.Logins !== undefined && !isStringRecord(input.Logins)) return fail("InvalidParameterException", "Logins must be a map of strings");

    /** The `provider\ntoken` of the logins, if they are all valid for the pool; an error response otherwise. */
    const checkLogins = (poolId: string): string | undefined | HandlerResponse => {
      const pool = pools.get(poolId) ?? {};
      let key: string | undefined;
      for (const [provider, token] of Object.entries(logins)) {
        if (!pool.logins?.[provider]?.includes(token)) return fail("NotAuthorizedException", `Invalid login token for ${provider}.`);
        key ??= `${provider}\n${token}`;
      }
      return key;
    };

    switch (action) {
      case "GetId": {
        const poolId = call.identityPoolId;
        if (!poolId) return fail("InvalidParameterException", "IdentityPoolId is required");
        if (call.accountId !== undefined && !/^\d{12}$/.test(call.accountId)) return fail("InvalidParameterException", "AccountId must be 12 digits");
        const pool = pools.get(poolId);
        if (!pool) return fail("ResourceNotFoundException", `IdentityPool '${poolId}' not found.`);
        const login = checkLogins(poolId);
        if (typeof login === "object") return login;
        if (login === undefined && pool.allowUnauthenticated === false) return fail("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");
        let identityId = login === undefined ? undefined : byLogin.get(`${poolId}\n${login}`);
        if (identityId === undefined) {
          identityId = `${poolId.split(":")[0]}:00000000-0000-4000-8000-${String(++serial).padStart(12, "0")}`;
          identities.set(identityId, { poolId, login });
          if (login !== undefined) byLogin.set(`${poolId}\n${login}`, identityId);
        }
        return ok({ IdentityId: identityId });
      }
      case "GetCredentialsForIdentity":
      case "GetOpenIdToken": {
        const identityId = call.identityId;
        if (!identityId) return fail("InvalidParameterException", "IdentityId is required");
        const identity = identities.get(identityId);
        if (!identity) return fail("ResourceNotFoundException", `Identity '${identityId}' not found.`);
        const login = checkLogins(identity.poolId);
        if (typeof login === "object") return login;
        if (identity.login !== undefined && login !== identity.login) return fail("NotAuthorizedException", `Access to Identity '${identityId}' is forbidden.`);
        if (action === "GetOpenIdToken") return ok({ IdentityId: identityId, Token: `emulator-openid-token/${identityId}` });
        if (call.customRoleArn !== undefined && !/^arn:aws[\w-]*:iam::\d{12}:role\/.+$/.test(call.customRoleArn)) {
          return fail("InvalidParameterException", "CustomRoleArn is not a role ARN");
        }
        const c = issuer.current();
        const expiration = flags.expiredCredentials ? now() - 60_000 : c.expiration.getTime();
        return ok({
          IdentityId: identityId,
          Credentials: { AccessKeyId: c.accessKeyId, SecretKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: expiration / 1000 },
        });
      }
      default:
        return fail("UnknownOperationException", `Unknown operation ${JSON.stringify(target)}`);
    }
  };

  const server = await startEmulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    now,
    handler,
    onRequest: options.onRequest,
    faultRoute: (req) => (req.headers["x-amz-target"] ?? "").slice(COGNITO_IDENTITY_TARGET_PREFIX.length),
    tls: options.tls,
  });
  return {
    ...server,
    env: { AWS_ENDPOINT_URL_COGNITO_IDENTITY: server.url },
    calls,
    setCredentials: (input) => issuer.set(input),
    rotate: () => issuer.rotate(),
    credentials: () => issuer.current(),
    deleteIdentity: (identityId) => void identities.delete(identityId),
  };
}

const JSON_TYPE = "application/x-amz-json-1.1";

function ok(body: unknown): HandlerResponse {
  return { status: 200, headers: { "content-type": JSON_TYPE }, body: JSON.stringify(body) };
}

/** An error as AWS JSON 1.1 services send it: `__type` in the body and `x-amzn-ErrorType`. */
function jsonError(status: number, code: string, message: string): HandlerResponse {
  return { status, headers: { "content-type": JSON_TYPE, "x-amzn-errortype": code }, body: JSON.stringify({ __type: code, message }) };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}
