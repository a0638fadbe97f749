import { CredentialIssuer, type CredentialsInput, type EmulatedCredentials } from "./credential-issuer.js";
import { startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";
import { redactBearerTokens, SSO_BEARER_TOKEN_HEADER } from "./sso-redaction.js";

/** GetRoleCredentials: `GET /federation/credentials?role_name=…&account_id=…`. */
export const SSO_CREDENTIALS_PATH = "/federation/credentials";
/** Logout: `POST /logout` with the bearer token, which the portal then rejects. */
export const SSO_LOGOUT_PATH = "/logout";
/** The access token accepted when `accessTokens` is not given. */
export const SSO_DEFAULT_ACCESS_TOKEN = "emulator-sso-access-token";
/** The role offered in the default account when `roles` is not given. */
export const SSO_DEFAULT_ROLE_NAME = "credchain-emulator-role";

/** An access token's expiry: a Date, ms since the epoch, an ISO string, or `null` for never. */
export type SsoTokenExpiry = Date | number | string | null;

export interface SsoOptions extends EmulatorOptions {
  /** Access tokens the portal accepts, with their expiry. Default: `{ "emulator-sso-access-token": null }`. */
  accessTokens?: Record<string, SsoTokenExpiry>;
  /** Role names by account id. Default: `{ <accountId>: ["credchain-emulator-role"] }` (accountId default `123456789012`). */
  roles?: Record<string, string[]>;
}

/** A running IAM Identity Center portal (the `sso` service). */
export interface SsoEmulator extends EmulatorHandle {
  /** `AWS_ENDPOINT_URL_SSO`: botocore 1.43 and credchain send GetRoleCredentials there. */
  readonly env: Record<string, string>;
  /** Accepts `token` from now on (until `expiresAt`, if given). */
  addAccessToken(token: string, expiresAt?: SsoTokenExpiry): void;
  /** Rejects `token` from now on (401 UnauthorizedException). */
  revokeAccessToken(token: string): void;
  /** Credentials served from now on (whatever is left out is issued). Never auto-rotated. */
  setCredentials(credentials: CredentialsInput): EmulatedCredentials;
  /** Issues the next deterministic credentials (`ASIAEMULATOR0000000n`) and serves them. */
  rotate(): EmulatedCredentials;
  /** The credentials being served now. */
  credentials(): EmulatedCredentials;
}

/**
 * Starts the IAM Identity Center portal's GetRoleCredentials on loopback: the bearer token in
 * `x-amz-sso_bearer_token` must be one of `accessTokens` and unexpired (else 401
 * UnauthorizedException), the account and role one of `roles` (else 403 ForbiddenException).
 * The answer is `{ roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration } }`
 * with `expiration` in epoch milliseconds, as AWS sends it. Logout (`POST /logout`, as `aws sso
 * logout` calls it) revokes the bearer token. Tokens never appear in the request log.
 *
 * @example
 * ```ts
 * const sso = await startSso({ accessTokens: { "my-token": null }, roles: { "111122223333": ["Developer"] } });
 * // botocore and credchain: AWS_ENDPOINT_URL_SSO=sso.url
 * sso.fault("/federation/credentials", 503, { times: 1 });
 * await sso.close();
 * ```
 */
export async function startSso(options: SsoOptions = {}): Promise<SsoEmulator> {
  const now = options.now ?? Date.now;
  const defaultAccount = options.accountId ?? "123456789012";
  const roles = new Map(Object.entries(options.roles ?? { [defaultAccount]: [SSO_DEFAULT_ROLE_NAME] }).map(([a, r]) => [a, new Set(r)]));
  const tokens = new Map<string, number>();
  const addAccessToken = (token: string, expiresAt: SsoTokenExpiry = null) => {
    tokens.set(token, expiresAt === null ? Number.POSITIVE_INFINITY : new Date(expiresAt).getTime());
  };
  for (const [token, expiresAt] of Object.entries(options.accessTokens ?? { [SSO_DEFAULT_ACCESS_TOKEN]: null })) addAccessToken(token, expiresAt);
  const issuer = new CredentialIssuer({
    now,
    lifetimeSeconds: options.credentialLifetimeSeconds ?? 3600,
    accountId: undefined,
    roleArn: undefined,
    rotateBeforeSeconds: 300,
  });

  let server: EmulatorHandle | undefined;
  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    if (server) redactBearerTokens(server.requests);
    const logout = req.path === SSO_LOGOUT_PATH;
    if (req.path !== SSO_CREDENTIALS_PATH && !logout) return awsError(404, "ResourceNotFoundException", `No route for ${req.path}`);
    if (req.method !== (logout ? "POST" : "GET")) return awsError(405, "InvalidRequestException", `${req.method} is not allowed`);
    const token = req.headers[SSO_BEARER_TOKEN_HEADER];
    const expiry = token === undefined ? undefined : tokens.get(token);
    if (expiry === undefined || expiry <= now()) return awsError(401, "UnauthorizedException", "Session token not found or invalid");
    if (logout) {
      tokens.delete(token!);
      return { status: 200, headers: {}, body: "" };
    }
    const query = new URLSearchParams(req.query);
    const roleName = query.get("role_name");
    const accountId = query.get("account_id");
    if (!roleName || !accountId) return awsError(400, "InvalidRequestException", "role_name and account_id are required");
    if (!roles.get(accountId)?.has(roleName)) return awsError(403, "ForbiddenException", "No access");
    const c = issuer.current();
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        roleCredentials: {
          accessKeyId: c.accessKeyId,
          secretAccessKey: c.secretAccessKey,
          sessionToken: c.sessionToken,
          expiration: flags.expiredCredentials ? now() - 60_000 : c.expiration.getTime(),
        },
      }),
    };
  };

  server = await startEmulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    now,
    handler,
    onRequest: (record) => {
      redactBearerTokens(server!.requests);
      options.onRequest?.(record);
    },
    tls: options.tls,
  });
  const handle = server;
  return {
    ...handle,
    // A getter, so requests that never reached the handler (hang, reset) are redacted too.
    get requests() {
      return redactBearerTokens(handle.requests);
    },
    env: { AWS_ENDPOINT_URL_SSO: handle.url },
    addAccessToken,
    revokeAccessToken: (token) => void tokens.delete(token),
    setCredentials: (input) => issuer.set(input),
    rotate: () => issuer.rotate(),
    credentials: () => issuer.current(),
  };
}

/** An error as the portal sends it: the code in `x-amzn-ErrorType`, a JSON `message`. */
export function awsError(status: number, code: string, message: string): HandlerResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-errortype": `${code}:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/` },
    body: JSON.stringify({ message }),
  };
}
