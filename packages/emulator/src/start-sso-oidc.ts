import { jsonObjectBody, startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";
import {
  DEVICE_CODE_GRANT,
  DeviceFlow,
  SSO_OIDC_DEVICE_AUTHORIZATION_PATH,
  SSO_OIDC_REGISTER_PATH,
  SSO_OIDC_VERIFICATION_PATH,
  type DeviceAuthorization,
  type RegisteredClient,
} from "./sso-device-flow.js";
import type { SsoTokenExpiry } from "./start-sso.js";

/** CreateToken: `POST /token` with a JSON body. */
export const SSO_OIDC_TOKEN_PATH = "/token";
export const SSO_OIDC_DEFAULT_CLIENT_ID = "emulator-client-id";
export const SSO_OIDC_DEFAULT_CLIENT_SECRET = "emulator-client-secret";
export const SSO_OIDC_DEFAULT_REFRESH_TOKEN = "emulator-refresh-token";

export interface SsoOidcOptions extends EmulatorOptions {
  /** Registered clients: clientId → clientSecret. Default: `{ "emulator-client-id": "emulator-client-secret" }`. */
  clients?: Record<string, string>;
  /** Refresh tokens accepted. Default: `["emulator-refresh-token"]`. */
  refreshTokens?: string[];
  /** `expiresIn` of issued access tokens. Default: 3600. */
  accessTokenLifetimeSeconds?: number;
  /** Issue a new refresh token with each access token and revoke the one used. Default: `true`. */
  rotateRefreshTokens?: boolean;
  /** A portal from `startSso`: access tokens issued here are accepted there, until they expire. */
  portal?: { addAccessToken(token: string, expiresAt?: SsoTokenExpiry): void };
  /** `expiresIn` of a device authorization: CreateToken answers ExpiredTokenException after it. Default: 600. */
  deviceAuthorizationLifetimeSeconds?: number;
  /** `interval` StartDeviceAuthorization answers (seconds between polls); `null` leaves it out (clients then wait 5). Default: 1. */
  pollIntervalSeconds?: number | null;
  /** Lifetime of a client RegisterClient registers (`clientSecretExpiresAt`). Default: 90 days. */
  registeredClientLifetimeSeconds?: number;
  /** Approve every device authorization as it starts (no user step). Default: `false`: a test calls `approve`, or someone opens the verification URL. */
  autoApprove?: boolean;
  /** Called when a device authorization starts, e.g. to approve it from a test. */
  onDeviceAuthorization?: (authorization: DeviceAuthorization) => void;
}

/** A running SSO-OIDC service (CreateToken with the refresh_token grant). */
export interface SsoOidcEmulator extends EmulatorHandle {
  /** `AWS_ENDPOINT_URL_SSO_OIDC`: botocore 1.43 and credchain refresh tokens there. */
  readonly env: Record<string, string>;
  addRefreshToken(token: string): void;
  /** Rejects `token` from now on (400 InvalidGrantException), as a revoked session does. */
  revokeRefreshToken(token: string): void;
  /** Refresh tokens accepted now. */
  refreshTokens(): string[];
  /** Access tokens issued so far, oldest first. */
  readonly issuedAccessTokens: string[];
  /** Approves a device authorization: the one with `userCode`, else the newest pending one. Returns it, or undefined when there is none. */
  approve(userCode?: string): DeviceAuthorization | undefined;
  /** Denies it: CreateToken answers AccessDeniedException. */
  deny(userCode?: string): DeviceAuthorization | undefined;
  /** Expires it now: CreateToken answers ExpiredTokenException. */
  expire(userCode?: string): DeviceAuthorization | undefined;
  /** Every device authorization started, oldest first (live objects: `state`, `polls`). */
  readonly deviceAuthorizations: DeviceAuthorization[];
  /** Every client RegisterClient registered, oldest first. */
  readonly registeredClients: RegisteredClient[];
}

/**
 * Starts SSO-OIDC on loopback: CreateToken for the `refresh_token` grant, as botocore's
 * SSOTokenProvider calls it, and the device authorization `aws sso login` and `credchain sso login`
 * use: RegisterClient (`POST /client/register`), StartDeviceAuthorization (`POST
 * /device_authorization`, whose verification URL is this server's `/device` page: opening it
 * approves), and CreateToken with the device-code grant, which answers AuthorizationPendingException
 * until the authorization is approved (`approve()`, or the page), AccessDeniedException once it is
 * denied, ExpiredTokenException once it expires, and then a token, once. An unknown client or wrong
 * secret gets 401 InvalidClientException, an unknown or revoked refresh token (or a used device
 * code) 400 InvalidGrantException, another grant type 400 UnsupportedGrantTypeException. Access
 * tokens are deterministic (`emulator-sso-access-token-0000000n`); SlowDownException is a fault away
 * (`oidc.fault("/token", { status: 400, headers: { "x-amzn-errortype": "SlowDownException:" }, body: '{"error":"slow_down"}' }, { times: 1 })`).
 *
 * @example
 * ```ts
 * const sso = await startSso();
 * const oidc = await startSsoOidc({ portal: sso });
 * // AWS_ENDPOINT_URL_SSO=sso.url AWS_ENDPOINT_URL_SSO_OIDC=oidc.url
 * oidc.revokeRefreshToken("emulator-refresh-token");
 * await Promise.all([oidc.close(), sso.close()]);
 * ```
 */
export async function startSsoOidc(options: SsoOidcOptions = {}): Promise<SsoOidcEmulator> {
  const now = options.now ?? Date.now;
  const clients = new Map(Object.entries(options.clients ?? { [SSO_OIDC_DEFAULT_CLIENT_ID]: SSO_OIDC_DEFAULT_CLIENT_SECRET }));
  const refreshTokens = new Set(options.refreshTokens ?? [SSO_OIDC_DEFAULT_REFRESH_TOKEN]);
  const lifetime = options.accessTokenLifetimeSeconds ?? 3600;
  const rotate = options.rotateRefreshTokens ?? true;
  const issuedAccessTokens: string[] = [];
  let serial = 0;

  const flow = new DeviceFlow(
    now,
    { authorizationSeconds: options.deviceAuthorizationLifetimeSeconds ?? 600, clientSeconds: options.registeredClientLifetimeSeconds ?? 90 * 86400 },
    options.autoApprove ?? false,
    options.onDeviceAuthorization,
  );
  const interval = options.pollIntervalSeconds === undefined ? 1 : options.pollIntervalSeconds;
  let url = "";

  /** The secret a client id must come with: a configured client's, or a registered one's while it lasts. */
  const secretOf = (clientId: string) => clients.get(clientId) ?? flow.secretOf(clientId);

  const issue = (extra: Record<string, unknown> = {}) => {
    const n = String(++serial).padStart(8, "0");
    const accessToken = `emulator-sso-access-token-${n}`;
    issuedAccessTokens.push(accessToken);
    options.portal?.addAccessToken(accessToken, now() + lifetime * 1000);
    return { accessToken, n, ...extra };
  };

  const createToken = (body: Record<string, unknown>): HandlerResponse => {
    const { clientId, clientSecret, grantType, refreshToken, deviceCode } = body;
    if (typeof clientId !== "string" || typeof clientSecret !== "string" || typeof grantType !== "string") {
      return oidcError(400, "InvalidRequestException", "invalid_request", "clientId, clientSecret and grantType are required");
    }
    if (secretOf(clientId) !== clientSecret) return oidcError(401, "InvalidClientException", "invalid_client", "Invalid client provided");
    if (grantType === DEVICE_CODE_GRANT) {
      if (typeof deviceCode !== "string") return oidcError(400, "InvalidRequestException", "invalid_request", "deviceCode is required");
      const polled = flow.poll(deviceCode, clientId);
      if (polled.kind === "error") return oidcError(polled.status, polled.code, polled.error, polled.description);
      const { accessToken, n } = issue();
      const newRefreshToken = `emulator-refresh-token-${n}`;
      refreshTokens.add(newRefreshToken);
      return json({ accessToken, tokenType: "Bearer", expiresIn: lifetime, refreshToken: newRefreshToken });
    }
    if (grantType !== "refresh_token") return oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    if (typeof refreshToken !== "string" || !refreshTokens.has(refreshToken)) {
      return oidcError(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
    }
    const { accessToken, n } = issue();
    let nextRefreshToken = refreshToken;
    if (rotate) {
      refreshTokens.delete(refreshToken);
      nextRefreshToken = `emulator-refresh-token-${n}`;
      refreshTokens.add(nextRefreshToken);
    }
    return json({ accessToken, tokenType: "Bearer", expiresIn: lifetime, refreshToken: nextRefreshToken });
  };

  const registerClient = (body: Record<string, unknown>): HandlerResponse => {
    const { clientName, clientType, scopes } = body;
    if (typeof clientName !== "string" || typeof clientType !== "string") {
      return oidcError(400, "InvalidRequestException", "invalid_request", "clientName and clientType are required");
    }
    if (clientType !== "public") return oidcError(400, "InvalidClientMetadataException", "invalid_client_metadata", `Unsupported clientType: ${clientType}`);
    if (scopes !== undefined && (!Array.isArray(scopes) || scopes.some((x) => typeof x !== "string"))) {
      return oidcError(400, "InvalidScopeException", "invalid_scope", "scopes must be a list of strings");
    }
    const client = flow.register(clientName, clientType, scopes as string[] | undefined);
    return json({
      clientId: client.clientId,
      clientSecret: client.secret,
      clientIdIssuedAt: Math.floor(now() / 1000),
      clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
    });
  };

  const startDeviceAuthorization = (body: Record<string, unknown>): HandlerResponse => {
    const { clientId, clientSecret, startUrl } = body;
    if (typeof clientId !== "string" || typeof clientSecret !== "string" || typeof startUrl !== "string") {
      return oidcError(400, "InvalidRequestException", "invalid_request", "clientId, clientSecret and startUrl are required");
    }
    if (secretOf(clientId) !== clientSecret) return oidcError(401, "InvalidClientException", "invalid_client", "Invalid client provided");
    const verificationUri = `${url}${SSO_OIDC_VERIFICATION_PATH}`;
    const { deviceCode, authorization } = flow.start(clientId, startUrl, verificationUri);
    return json({
      deviceCode,
      userCode: authorization.userCode,
      verificationUri,
      verificationUriComplete: authorization.verificationUriComplete,
      expiresIn: Math.round((authorization.expiresAt - now()) / 1000),
      ...(interval !== null && { interval }),
    });
  };

  /** The page a user opens: approves the authorization named by `user_code` (a plain-text answer). */
  const verificationPage = (query: string): HandlerResponse => {
    const code = new URLSearchParams(query).get("user_code") ?? "";
    const found = flow.find(code);
    const text = (status: number, body: string): HandlerResponse => ({ status, headers: { "content-type": "text/plain; charset=utf-8" }, body: `${body}\n` });
    if (!found || found.state !== "pending") return text(404, `No pending authorization has the code ${JSON.stringify(code)}.`);
    found.state = "approved";
    return text(200, `Approved ${found.userCode}. You can close this page and return to your terminal.`);
  };

  const handler = (req: HandlerRequest): HandlerResponse => {
    if (req.path === SSO_OIDC_VERIFICATION_PATH && req.method === "GET") return verificationPage(req.query);
    const route = { [SSO_OIDC_TOKEN_PATH]: createToken, [SSO_OIDC_REGISTER_PATH]: registerClient, [SSO_OIDC_DEVICE_AUTHORIZATION_PATH]: startDeviceAuthorization }[req.path];
    if (!route) return oidcError(404, "ResourceNotFoundException", "not_found", `No route for ${req.path}`);
    if (req.method !== "POST") return oidcError(405, "InvalidRequestException", "invalid_request", `${req.method} is not allowed`);
    const body = jsonObjectBody(req);
    return body ? route(body) : oidcError(400, "InvalidRequestException", "invalid_request", "The request body is not a JSON object");
  };

  const server = await startEmulatorServer({ host: options.host ?? "127.0.0.1", port: options.port ?? 0, now, handler, onRequest: options.onRequest, tls: options.tls });
  url = server.url;
  const set = (state: DeviceAuthorization["state"]) => (userCode?: string) => {
    const found = flow.find(userCode);
    // Only a pending, unexpired authorization changes: a used device code never issues a second token.
    if (found?.state === "pending" && found.expiresAt > now()) found.state = state;
    return found;
  };
  return {
    ...server,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
    addRefreshToken: (token) => void refreshTokens.add(token),
    revokeRefreshToken: (token) => void refreshTokens.delete(token),
    refreshTokens: () => [...refreshTokens],
    issuedAccessTokens,
    approve: set("approved"),
    deny: set("denied"),
    expire: (userCode) => {
      const found = flow.find(userCode);
      if (found) found.expiresAt = now();
      return found;
    },
    deviceAuthorizations: flow.authorizations,
    get registeredClients() {
      return [...flow.clients.values()].map(({ secret: _secret, ...client }) => client);
    },
  };
}

function json(body: Record<string, unknown>): HandlerResponse {
  return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** An error as SSO-OIDC sends it: the code in `x-amzn-ErrorType`, OAuth's `error` and `error_description`. */
function oidcError(status: number, code: string, error: string, description: string): HandlerResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-errortype": `${code}:` },
    body: JSON.stringify({ error, error_description: description }),
  };
}
