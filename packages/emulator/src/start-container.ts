import { CredentialIssuer, isoSeconds, type CredentialsInput, type EmulatedCredentials } from "./credential-issuer.js";
import {
  defaultBody,
  startEmulatorServer,
  type EmulatorHandle,
  type EmulatorOptions,
  type HandlerRequest,
  type HandlerResponse,
} from "./emulator-server.js";

/** The default credentials path (FULL_URI style). ECS itself serves `/v2/credentials/<uuid>`, EKS `/v1/credentials`. */
export const CONTAINER_DEFAULT_PATH = "/creds";

export interface ContainerOptions extends EmulatorOptions {
  /** Path that serves credentials (query strings are ignored); any other path answers 404. Default: `/creds`. */
  path?: string;
  /**
   * The `Authorization` header value required, as EKS Pod Identity and FULL_URI endpoints do.
   * A request without one gets `401`, a wrong one `403`. Default: none required.
   */
  authorizationToken?: string;
  /** `RoleArn` in the response (ECS sends it, EKS does not); `null` leaves it out. Default: `arn:aws:iam::<account>:role/credchain-emulator-role`. */
  roleArn?: string | null;
}

/** A running ECS / EKS container credentials emulator. */
export interface ContainerEmulator extends EmulatorHandle {
  /** `url + path`: the AWS_CONTAINER_CREDENTIALS_FULL_URI value. */
  readonly fullUri: string;
  /** AWS_CONTAINER_CREDENTIALS_FULL_URI, and AWS_CONTAINER_AUTHORIZATION_TOKEN when one is required. */
  readonly env: Record<string, string>;
  /** Credentials served from now on (whatever is left out is issued). Never auto-rotated. */
  setCredentials(credentials: CredentialsInput): EmulatedCredentials;
  /** Issues the next deterministic credentials (`ASIAEMULATOR0000000n`) and serves them. */
  rotate(): EmulatedCredentials;
  /** The credentials being served now. */
  credentials(): EmulatedCredentials;
}

/**
 * Starts an ECS / EKS Pod Identity style credentials endpoint on loopback: `GET <path>` answers
 * `{ AccessKeyId, SecretAccessKey, Token, Expiration, RoleArn?, AccountId? }`, optionally only
 * with the right `Authorization` header. Issued credentials are deterministic and replaced five
 * minutes before they expire.
 *
 * @example
 * ```ts
 * const container = await startContainer({ authorizationToken: "local-dev-token" });
 * // botocore: AWS_CONTAINER_CREDENTIALS_FULL_URI=container.fullUri
 * //           AWS_CONTAINER_AUTHORIZATION_TOKEN=local-dev-token
 * container.fault("/creds", 500, { times: 2 });
 * await container.close();
 * ```
 */
export async function startContainer(options: ContainerOptions = {}): Promise<ContainerEmulator> {
  const now = options.now ?? Date.now;
  const path = options.path ?? CONTAINER_DEFAULT_PATH;
  if (!path.startsWith("/")) throw new RangeError(`container path must start with "/", got "${path}"`);
  const accountId = options.accountId === undefined ? "123456789012" : (options.accountId ?? undefined);
  const roleArn =
    options.roleArn === undefined ? `arn:aws:iam::${accountId ?? "123456789012"}:role/credchain-emulator-role` : (options.roleArn ?? undefined);
  const required = options.authorizationToken;
  const issuer = new CredentialIssuer({
    now,
    lifetimeSeconds: options.credentialLifetimeSeconds ?? 21600,
    accountId,
    roleArn,
    rotateBeforeSeconds: 300,
  });

  const json = (status: number, body: unknown): HandlerResponse => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const fail = (status: number, message = defaultBody(status)) => json(status, { code: defaultBody(status).replace(/ /g, ""), message });

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    if (req.path !== path) return fail(404);
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405);
    if (required !== undefined) {
      const given = req.headers.authorization;
      if (given === undefined || given === "") return fail(401, "Authorization header is required");
      if (given !== required) return fail(403, "Authorization token is not valid");
    }
    const c = issuer.current();
    return json(200, {
      ...(c.roleArn !== undefined && { RoleArn: c.roleArn }),
      AccessKeyId: c.accessKeyId,
      SecretAccessKey: c.secretAccessKey,
      ...(c.sessionToken !== undefined && { Token: c.sessionToken }),
      ...(c.accountId !== undefined && { AccountId: c.accountId }),
      Expiration: isoSeconds(flags.expiredCredentials ? now() - 60_000 : c.expiration),
    });
  };

  const server = await startEmulatorServer({ host: options.host ?? "127.0.0.1", port: options.port ?? 0, now, handler, onRequest: options.onRequest, tls: options.tls });
  const fullUri = server.url + path;
  return {
    ...server,
    fullUri,
    env: {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: fullUri,
      ...(required !== undefined && { AWS_CONTAINER_AUTHORIZATION_TOKEN: required }),
    },
    setCredentials: (input) => issuer.set(input),
    rotate: () => issuer.rotate(),
    credentials: () => issuer.current(),
  };
}
