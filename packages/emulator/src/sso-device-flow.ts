/** RegisterClient: `POST /client/register`. */
export const SSO_OIDC_REGISTER_PATH = "/client/register";
/** StartDeviceAuthorization: `POST /device_authorization`. */
export const SSO_OIDC_DEVICE_AUTHORIZATION_PATH = "/device_authorization";
/** The verification page: opening `…/device?user_code=CODE` approves that authorization. */
export const SSO_OIDC_VERIFICATION_PATH = "/device";
/** CreateToken's grant type for a device code (RFC 8628). */
export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** Where a device authorization stands. */
export type DeviceAuthorizationState = "pending" | "approved" | "denied" | "used";

/** One StartDeviceAuthorization, as the emulator keeps it (the device code itself is not exposed). */
export interface DeviceAuthorization {
  userCode: string;
  clientId: string;
  startUrl: string;
  verificationUriComplete: string;
  /** Emulator clock (ms) after which CreateToken answers ExpiredTokenException. */
  expiresAt: number;
  state: DeviceAuthorizationState;
  /** CreateToken calls with its device code so far. */
  polls: number;
}

/** A client RegisterClient made, as the emulator keeps it. */
export interface RegisteredClient {
  clientId: string;
  clientName: string;
  clientType: string;
  scopes: string[] | undefined;
  /** Emulator clock (ms) after which the client is unknown. */
  expiresAt: number;
}

/** What CreateToken with a device code decides. */
export type DevicePoll =
  | { kind: "issue"; authorization: DeviceAuthorization }
  | { kind: "error"; status: number; code: string; error: string; description: string };

/**
 * The device-flow state of one SSO-OIDC emulator: registered clients and device authorizations,
 * approved, denied or expired as a test says (or by opening the verification page).
 */
export class DeviceFlow {
  readonly clients = new Map<string, RegisteredClient & { secret: string }>();
  readonly authorizations: DeviceAuthorization[] = [];
  private readonly byDeviceCode = new Map<string, DeviceAuthorization>();
  private clientSerial = 0;
  private authorizationSerial = 0;

  constructor(
    private readonly now: () => number,
    private readonly lifetimes: { authorizationSeconds: number; clientSeconds: number },
    private readonly autoApprove: boolean,
    private readonly onAuthorization: ((a: DeviceAuthorization) => void) | undefined,
  ) {}

  register(clientName: string, clientType: string, scopes: string[] | undefined): RegisteredClient & { secret: string } {
    const n = String(++this.clientSerial).padStart(4, "0");
    const client = {
      clientId: `emulator-registered-client-${n}`,
      secret: `emulator-registered-client-secret-${n}`,
      clientName,
      clientType,
      scopes,
      expiresAt: Math.floor(this.now() / 1000) * 1000 + this.lifetimes.clientSeconds * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /** The registered client's secret, while the registration lasts. */
  secretOf(clientId: string): string | undefined {
    const client = this.clients.get(clientId);
    return client && client.expiresAt > this.now() ? client.secret : undefined;
  }

  start(clientId: string, startUrl: string, verificationUri: string): { deviceCode: string; authorization: DeviceAuthorization } {
    const n = String(++this.authorizationSerial).padStart(4, "0");
    const deviceCode = `emulator-device-code-${n}`;
    const authorization: DeviceAuthorization = {
      userCode: `EMUL-${n}`,
      clientId,
      startUrl,
      verificationUriComplete: `${verificationUri}?user_code=EMUL-${n}`,
      expiresAt: this.now() + this.lifetimes.authorizationSeconds * 1000,
      state: this.autoApprove ? "approved" : "pending",
      polls: 0,
    };
    this.authorizations.push(authorization);
    this.byDeviceCode.set(deviceCode, authorization);
    this.onAuthorization?.(authorization);
    return { deviceCode, authorization };
  }

  /** Finds one authorization: by user code, else the newest one still pending. */
  find(userCode?: string): DeviceAuthorization | undefined {
    if (userCode !== undefined) return this.authorizations.find((a) => a.userCode === userCode);
    return this.authorizations.findLast((a) => a.state === "pending");
  }

  poll(deviceCode: string, clientId: string): DevicePoll {
    const a = this.byDeviceCode.get(deviceCode);
    const fail = (status: number, code: string, error: string, description: string): DevicePoll => ({ kind: "error", status, code, error, description });
    if (a === undefined || a.clientId !== clientId || a.state === "used") return fail(400, "InvalidGrantException", "invalid_grant", "Invalid grant provided");
    a.polls++;
    if (a.expiresAt <= this.now()) return fail(400, "ExpiredTokenException", "expired_token", "Device code has expired");
    if (a.state === "denied") return fail(400, "AccessDeniedException", "access_denied", "The user denied the authorization request");
    if (a.state === "pending") return fail(400, "AuthorizationPendingException", "authorization_pending", "Authorization is still pending");
    a.state = "used";
    return { kind: "issue", authorization: a };
  }
}
