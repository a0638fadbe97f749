import { startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";
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
}

/**
 * Starts SSO-OIDC's CreateToken on loopback for the `refresh_token` grant, as botocore's
 * SSOTokenProvider calls it: an unknown client or wrong secret gets 401 InvalidClientException, an
 * unknown or revoked refresh token 400 InvalidGrantException, another grant type 400
 * UnsupportedGrantTypeException. Access tokens are deterministic (`emulator-sso-access-token-0000000n`).
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

  const handler = (req: HandlerRequest): HandlerResponse => {
    if (req.path !== SSO_OIDC_TOKEN_PATH) return oidcError(404, "ResourceNotFoundException", "not_found", `No route for ${req.path}`);
    if (req.method !== "POST") return oidcError(405, "InvalidRequestException", "invalid_request", `${req.method} is not allowed`);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse((req as { body?: string }).body ?? "");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new TypeError("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return oidcError(400, "InvalidRequestException", "invalid_request", "The request body is not a JSON object");
    }
    const { clientId, clientSecret, grantType, refreshToken } = body;
    if (typeof clientId !== "string" || typeof clientSecret !== "string" || typeof grantType !== "string") {
      return oidcError(400, "InvalidRequestException", "invalid_request", "clientId, clientSecret and grantType are required");
    }
    if (clients.get(clientId) !== clientSecret) return oidcError(401, "InvalidClientException", "invalid_client", "Invalid client provided");
    if (grantType !== "refresh_token") return oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    if (typeof refreshToken !== "string" || !refreshTokens.has(refreshToken)) {
      return oidcError(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
    }
    const n = String(++serial).padStart(8, "0");
    const accessToken = `emulator-sso-access-token-${n}`;
    issuedAccessTokens.push(accessToken);
    options.portal?.addAccessToken(accessToken, now() + lifetime * 1000);
    let nextRefreshToken = refreshToken;
    if (rotate) {
      refreshTokens.delete(refreshToken);
      nextRefreshToken = `emulator-refresh-token-${n}`;
      refreshTokens.add(nextRefreshToken);
    }
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ accessToken, tokenType: "Bearer", expiresIn: lifetime, refreshToken: nextRefreshToken }),
    };
  };

  const server = await startEmulatorServer({ host: options.host ?? "127.0.0.1", port: options.port ?? 0, now, handler, onRequest: options.onRequest, tls: options.tls });
  return {
    ...server,
    env: { AWS_ENDPOINT_URL_SSO_OIDC: server.url },
    addRefreshToken: (token) => void refreshTokens.add(token),
    revokeRefreshToken: (token) => void refreshTokens.delete(token),
    refreshTokens: () => [...refreshTokens],
    issuedAccessTokens,
  };
}

/** An error as SSO-OIDC sends it: the code in `x-amzn-ErrorType`, OAuth's `error` and `error_description`. */
function oidcError(status: number, code: string, error: string, description: string): HandlerResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-errortype": `${code}:` },
    body: JSON.stringify({ error, error_description: description }),
  };
}
