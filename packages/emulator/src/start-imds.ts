import { CredentialIssuer, isoSeconds, type CredentialsInput, type EmulatedCredentials } from "./credential-issuer.js";
import {
  defaultBody,
  startEmulatorServer,
  type EmulatorHandle,
  type EmulatorOptions,
  type HandlerRequest,
  type HandlerResponse,
} from "./emulator-server.js";

/** The IMDSv2 session-token route (PUT). */
export const IMDS_TOKEN_PATH = "/latest/api/token";
/** Lists the attached role's name; `<path><role>` serves its credentials. */
export const IMDS_CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
/** As {@link IMDS_CREDENTIALS_PATH}, with `AccountId`; absent (404) on older IMDS. */
export const IMDS_EXTENDED_CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials-extended/";
export const IMDS_REGION_PATH = "/latest/meta-data/placement/region";
export const IMDS_AVAILABILITY_ZONE_PATH = "/latest/meta-data/placement/availability-zone";
export const IMDS_IDENTITY_DOCUMENT_PATH = "/latest/dynamic/instance-identity/document";

const TTL_HEADER = "x-aws-ec2-metadata-token-ttl-seconds";
const TOKEN_HEADER = "x-aws-ec2-metadata-token";

export interface ImdsOptions extends EmulatorOptions {
  /** The attached instance role; `null` emulates an instance without one (listing answers 404). Default: `credchain-emulator-role`. */
  roleName?: string | null;
  /** Whether GETs without a session token are served (IMDSv1, `HttpTokens: optional`); else 401. Default: `true`. */
  allowV1?: boolean;
  /** Whether `security-credentials-extended` exists; `false` answers 404 as older IMDS does. Default: `true`. */
  extended?: boolean;
  /** Default: `us-east-1`. */
  region?: string;
  /** Default: `<region>a`. */
  availabilityZone?: string;
  /** Default: `i-0123456789abcdef0`. */
  instanceId?: string;
}

/** A running IMDS emulator. */
export interface ImdsEmulator extends EmulatorHandle {
  /** `{ AWS_EC2_METADATA_SERVICE_ENDPOINT: url }`: merge into a provider's or botocore's env. */
  readonly env: Record<string, string>;
  /** Credentials served from now on (whatever is left out is issued). Never auto-rotated. */
  setCredentials(credentials: CredentialsInput): EmulatedCredentials;
  /** Issues the next deterministic credentials (`ASIAEMULATOR0000000n`) and serves them. */
  rotate(): EmulatedCredentials;
  /** The credentials being served now. */
  credentials(): EmulatedCredentials;
}

/**
 * Starts an EC2 instance metadata service on loopback: IMDSv2 tokens (PUT, TTL 1..21600,
 * expiry), optional IMDSv1, the role listing and credentials (plain and extended), region,
 * availability zone and the instance identity document. Issued credentials are deterministic
 * and, like real IMDS, replaced five minutes before they expire.
 *
 * @example
 * ```ts
 * const imds = await startImds();
 * // botocore: AWS_EC2_METADATA_SERVICE_ENDPOINT=imds.url
 * imds.fault("/latest/api/token", 503, { times: 1 });
 * await imds.close();
 * ```
 */
export async function startImds(options: ImdsOptions = {}): Promise<ImdsEmulator> {
  const now = options.now ?? Date.now;
  const accountId = options.accountId === undefined ? "123456789012" : (options.accountId ?? undefined);
  const roleName = options.roleName === undefined ? "credchain-emulator-role" : options.roleName;
  const allowV1 = options.allowV1 ?? true;
  const extended = options.extended ?? true;
  const region = options.region ?? "us-east-1";
  const availabilityZone = options.availabilityZone ?? `${region}a`;
  const instanceId = options.instanceId ?? "i-0123456789abcdef0";
  const issuer = new CredentialIssuer({
    now,
    lifetimeSeconds: options.credentialLifetimeSeconds ?? 21600,
    accountId,
    roleArn: roleName ? `arn:aws:iam::${accountId ?? "123456789012"}:role/${roleName}` : undefined,
    rotateBeforeSeconds: 300,
  });
  const startedAt = now();
  const tokens = new Map<string, number>();
  let tokenSerial = 0;

  const text = (body: string, status = 200): HandlerResponse => ({ status, body });
  const fail = (status: number) => text(defaultBody(status), status);

  const handler = (req: HandlerRequest, flags: { expiredCredentials: boolean }): HandlerResponse => {
    if (req.path === IMDS_TOKEN_PATH) {
      if (req.method !== "PUT") return fail(405);
      const ttlText = req.headers[TTL_HEADER];
      const ttl = ttlText !== undefined && /^\d+$/.test(ttlText.trim()) ? Number(ttlText) : NaN;
      if (!(ttl >= 1 && ttl <= 21600)) return fail(400);
      const token = `AQAEAemulatorImdsToken${String(++tokenSerial).padStart(8, "0")}==`;
      tokens.set(token, now() + ttl * 1000);
      return { status: 200, headers: { [TTL_HEADER]: String(ttl) }, body: token };
    }
    if (req.method !== "GET" && req.method !== "HEAD") return fail(405);
    const token = req.headers[TOKEN_HEADER];
    if (token !== undefined) {
      const expiresAt = tokens.get(token);
      if (expiresAt === undefined || expiresAt <= now()) return fail(401);
    } else if (!allowV1) {
      return fail(401);
    }

    // Real IMDS tolerates a trailing slash on leaves (botocore asks for `availability-zone/`).
    const path = req.path.length > 1 && req.path.endsWith("/") && !isListing(req.path) ? req.path.slice(0, -1) : req.path;
    if (path === IMDS_REGION_PATH) return text(region);
    if (path === IMDS_AVAILABILITY_ZONE_PATH) return text(availabilityZone);
    if (path === IMDS_IDENTITY_DOCUMENT_PATH) return text(identityDocument());
    for (const [base, withAccount] of [
      [IMDS_CREDENTIALS_PATH, false],
      [IMDS_EXTENDED_CREDENTIALS_PATH, true],
    ] as const) {
      if (!path.startsWith(base)) continue;
      if (withAccount && !extended) return fail(404);
      if (!roleName) return fail(404);
      const rest = path.slice(base.length);
      if (rest === "") return text(roleName);
      if (rest !== roleName) return fail(404);
      return text(credentialsDocument(withAccount, flags.expiredCredentials));
    }
    return fail(404);
  };

  const credentialsDocument = (withAccount: boolean, expired: boolean): string => {
    const c = issuer.current();
    return JSON.stringify(
      {
        Code: "Success",
        LastUpdated: isoSeconds(issuer.issuedAt),
        Type: "AWS-HMAC",
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        ...(c.sessionToken !== undefined && { Token: c.sessionToken }),
        Expiration: isoSeconds(expired ? now() - 60_000 : c.expiration),
        ...(withAccount && c.accountId !== undefined && { AccountId: c.accountId }),
      },
      null,
      2,
    );
  };

  const identityDocument = (): string =>
    JSON.stringify(
      {
        accountId: accountId ?? "123456789012",
        architecture: "x86_64",
        availabilityZone,
        billingProducts: null,
        devpayProductCodes: null,
        marketplaceProductCodes: null,
        imageId: "ami-0123456789abcdef0",
        instanceId,
        instanceType: "t3.micro",
        kernelId: null,
        pendingTime: isoSeconds(startedAt),
        privateIp: "10.0.0.10",
        ramdiskId: null,
        region,
        version: "2017-09-30",
      },
      null,
      2,
    );

  const server = await startEmulatorServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    now,
    handler,
    onRequest: options.onRequest,
    tls: options.tls,
  });
  return {
    ...server,
    env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url },
    setCredentials: (input) => issuer.set(input),
    rotate: () => issuer.rotate(),
    credentials: () => issuer.current(),
  };
}

function isListing(path: string): boolean {
  return path === IMDS_CREDENTIALS_PATH || path === IMDS_EXTENDED_CREDENTIALS_PATH;
}
