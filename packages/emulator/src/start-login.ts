import type { EmulatedCredentials } from "./credential-issuer.js";
import { verifyDpopProof, type DpopProof } from "./dpop-proof.js";
import { jsonObjectBody, startEmulatorServer, type EmulatorHandle, type EmulatorOptions, type HandlerRequest, type HandlerResponse } from "./emulator-server.js";

/** Sign-In's CreateOAuth2Token: `POST /v1/token` with a JSON body and a `DPoP` header. */
export const LOGIN_TOKEN_PATH = "/v1/token";
/** The refresh token accepted when `refreshTokens` is not given. */
export const LOGIN_DEFAULT_REFRESH_TOKEN = "emulator-login-refresh-token";
/** The client id `aws login` registers as (the other one the service accepts ends `cross-device`). */
export const LOGIN_DEFAULT_CLIENT_ID = "arn:aws:signin:::devtools/same-device";

/** The `error` of an AccessDeniedException, as the service model lists them. */
export type LoginRefusal = "TOKEN_EXPIRED" | "USER_CREDENTIALS_CHANGED" | "INSUFFICIENT_PERMISSIONS" | "server_error";

export interface LoginOptions extends EmulatorOptions {
  /** Refresh tokens accepted. Default: `["emulator-login-refresh-token"]`. */
  refreshTokens?: string[];
  /** `expiresIn` of issued credentials (the service allows 1..900). Default: 900. */
  credentialLifetimeSeconds?: number;
  /** Issue a new refresh token with each answer and retire the one used. Default: `true`. */
  rotateRefreshTokens?: boolean;
  /** How far a proof's `iat` may be from the emulator clock. Default: 300. */
  maxClockSkewSeconds?: number;
}

/** A running AWS Sign-In token endpoint (CreateOAuth2Token, refresh_token grant). */
export interface LoginEmulator extends EmulatorHandle {
  /** `AWS_ENDPOINT_URL_SIGNIN`: botocore 1.43 and credchain refresh `aws login` sessions there. */
  readonly env: Record<string, string>;
  addRefreshToken(token: string): void;
  /** Refuses `token` from now on with AccessDeniedException and this `error`. Default: `TOKEN_EXPIRED`. */
  revokeRefreshToken(token: string, error?: LoginRefusal): void;
  /** Refresh tokens accepted now. */
  refreshTokens(): string[];
  /** Credentials issued so far, oldest first. */
  readonly issuedCredentials: EmulatedCredentials[];
  /** Every DPoP proof accepted so far (header, payload, key thumbprint), oldest first. */
  readonly proofs: DpopProof[];
}

const CLIENT_ID = /^arn:aws:signin:::devtools\/(cross-device|same-device)$/;

/**
 * Starts AWS Sign-In's token endpoint on loopback for the `refresh_token` grant, as botocore's
 * LoginProvider and the AWS SDK's `fromLoginCredentials` call it to refresh an `aws login` session:
 * `POST /v1/token` with `{clientId, refreshToken, grantType}` and a DPoP proof (RFC 9449, ES256,
 * the public key in the header) whose signature, `htm`, `htu`, `iat` and `jti` are checked. A
 * refresh token is bound to the key of the first proof that uses it, and its successor to the same
 * key. Errors are rest-json (`x-amzn-errortype`, body `{error, message}`): a bad proof, body or
 * client id is 400 ValidationException `INVALID_REQUEST`; an unknown, used or revoked refresh token
 * is 400 AccessDeniedException `TOKEN_EXPIRED` (or the revocation's `error`). Credentials are
 * deterministic (`ASIALOGINEMU0000000n`). The `DPoP` header stays in the request log: it holds a
 * public key and a signature, no secret; the refresh token travels in the body, which is not logged.
 *
 * @example
 * ```ts
 * const login = await startLogin();
 * // AWS_ENDPOINT_URL_SIGNIN=login.url, plus a region, and a cache file whose refreshToken is
 * // "emulator-login-refresh-token"
 * login.revokeRefreshToken("emulator-login-refresh-token", "USER_CREDENTIALS_CHANGED");
 * await login.close();
 * ```
 */
export async function startLogin(options: LoginOptions = {}): Promise<LoginEmulator> {
  const now = options.now ?? Date.now;
  const accepted = new Set(options.refreshTokens ?? [LOGIN_DEFAULT_REFRESH_TOKEN]);
  const refused = new Map<string, LoginRefusal>();
  const boundTo = new Map<string, string>();
  const seenJti = new Set<string>();
  const lifetime = options.credentialLifetimeSeconds ?? 900;
  const rotate = options.rotateRefreshTokens ?? true;
  const maxSkew = options.maxClockSkewSeconds ?? 300;
  const issuedCredentials: EmulatedCredentials[] = [];
  const proofs: DpopProof[] = [];
  let serial = 0;

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    if (req.path !== LOGIN_TOKEN_PATH) return signinError(404, "UnknownOperationException", "INVALID_REQUEST", `No route for ${req.path}`);
    if (req.method !== "POST") return signinError(405, "ValidationException", "INVALID_REQUEST", `${req.method} is not allowed`);
    const body = jsonObjectBody(req);
    if (!body) return invalid("The request body is not a JSON object");
    const dpop = verifyDpopProof(req.headers.dpop, {
      method: req.method,
      // The scheme the client used: with `tls` the proof names https.
      url: `${options.tls ? "https" : "http"}://${req.headers.host ?? "127.0.0.1"}${req.path}`,
      nowSeconds: Math.floor(now() / 1000),
      maxSkewSeconds: maxSkew,
    });
    if (!dpop.ok) return invalid(`Invalid DPoP proof: ${dpop.reason}`);
    const { clientId, grantType, refreshToken } = body;
    if (typeof clientId !== "string" || !CLIENT_ID.test(clientId)) return invalid("clientId is not a devtools client");
    if (grantType !== "refresh_token") return invalid(`Unsupported grantType: ${String(grantType)}`);
    if (typeof refreshToken !== "string" || refreshToken === "") return invalid("refreshToken is required");
    const refusal = refused.get(refreshToken);
    if (refusal !== undefined || !accepted.has(refreshToken)) {
      return signinError(400, "AccessDeniedException", refusal ?? "TOKEN_EXPIRED", "The refresh token is expired, used or unknown");
    }
    const key = dpop.proof.thumbprint;
    if ((boundTo.get(refreshToken) ?? key) !== key) return invalid("The DPoP key is not the one the refresh token is bound to");
    if (seenJti.has(dpop.proof.payload.jti)) return invalid("The DPoP proof's jti was already used");
    seenJti.add(dpop.proof.payload.jti);
    proofs.push(dpop.proof);

    const n = String(++serial).padStart(8, "0");
    // `expired-credentials` answers with credentials already past their expiry.
    const expiresIn = flags.expiredCredentials ? -60 : lifetime;
    const credentials: EmulatedCredentials = {
      accessKeyId: `ASIALOGINEMU${n}`,
      secretAccessKey: `emulatorLoginSecretKey/${n}/${"x".repeat(9)}`,
      sessionToken: `emulatorLoginSessionToken/${n}`,
      expiration: new Date(Math.floor((now() + expiresIn * 1000) / 1000) * 1000),
    };
    issuedCredentials.push(credentials);
    let nextRefreshToken = refreshToken;
    if (rotate) {
      accepted.delete(refreshToken);
      nextRefreshToken = `emulator-login-refresh-token-${n}`;
      accepted.add(nextRefreshToken);
    }
    boundTo.set(nextRefreshToken, key);
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        accessToken: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken },
        tokenType: "aws_sigv4",
        expiresIn,
        refreshToken: nextRefreshToken,
      }),
    };
  };

  const server = await startEmulatorServer({ host: options.host ?? "127.0.0.1", port: options.port ?? 0, now, handler, onRequest: options.onRequest, tls: options.tls });
  return {
    ...server,
    env: { AWS_ENDPOINT_URL_SIGNIN: server.url },
    addRefreshToken(token) {
      refused.delete(token);
      accepted.add(token);
    },
    revokeRefreshToken(token, error = "TOKEN_EXPIRED") {
      accepted.delete(token);
      refused.set(token, error);
    },
    refreshTokens: () => [...accepted],
    issuedCredentials,
    proofs,
  };
}

function invalid(message: string): HandlerResponse {
  return signinError(400, "ValidationException", "INVALID_REQUEST", message);
}

/** An error as the rest-json Sign-In service sends it: the shape in `x-amzn-errortype`, `{error, message}` in the body. */
function signinError(status: number, type: string, error: string, message: string): HandlerResponse {
  return { status, headers: { "content-type": "application/json", "x-amzn-errortype": type }, body: JSON.stringify({ error, message }) };
}

