import { callAwsJson, describeJsonFailure as describe } from "@credchain/core/aws-json";
import { answeredTime, shownValue } from "./sign-in-answer.js";
import { signInFailure } from "./sign-in-error.js";
import { callOidc, type CallSettings, type SsoClientRegistration } from "./sso-registration.js";
import type { ProviderContext } from "@credchain/core/local";

/** What the user must do: open `verificationUri` and enter `userCode` (or open `verificationUriComplete`). */
export interface PendingAuthorization {
  userCode: string;
  verificationUri: string;
  /** The URL with the code filled in: what a browser is opened with. */
  verificationUriComplete: string;
  /** When the authorization expires if it is not approved. */
  expiresAt: Date;
}

export interface DeviceAuthorization extends PendingAuthorization {
  deviceCode: string;
  /** Seconds between polls: the service's `interval`, else the RFC's default of 5. */
  intervalSeconds: number;
}

/** The device flow RFC's default poll interval, and what `slow_down` adds to it (RFC 8628 §3.5). */
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;
export const SLOW_DOWN_SECONDS = 5;
/**
 * The longest credchain waits for an approval, whatever `expiresIn` the service answers (it
 * answers 600 seconds): a server that keeps answering `authorization_pending` cannot hold a
 * sign-in open for ever.
 */
export const MAX_AUTHORIZATION_WAIT_SECONDS = 3600;
/** The device-code grant type of CreateToken. */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** StartDeviceAuthorization for `startUrl` with the registered client. */
export async function startDeviceAuthorization(
  ctx: ProviderContext,
  call: CallSettings,
  registration: SsoClientRegistration,
  startUrl: string,
): Promise<DeviceAuthorization> {
  const body = await callOidc(ctx, call, "StartDeviceAuthorization", "/device_authorization", {
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    startUrl,
  });
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval } = body;
  const where = `SSO-OIDC StartDeviceAuthorization at ${call.oidcUrl}/device_authorization`;
  if (typeof deviceCode !== "string" || typeof verificationUri !== "string" || typeof expiresIn !== "number") {
    throw signInFailure(`${where} answered without deviceCode, verificationUri or expiresIn`);
  }
  const wait = Math.min(answeredTime(where, "expiresIn", expiresIn, 0) / 1000, MAX_AUTHORIZATION_WAIT_SECONDS);
  return {
    deviceCode,
    userCode: shownValue(where, "userCode", typeof userCode === "string" ? userCode : "", false),
    verificationUri: shownValue(where, "verificationUri", verificationUri, true),
    verificationUriComplete: shownValue(where, "verificationUriComplete", typeof verificationUriComplete === "string" ? verificationUriComplete : verificationUri, true),
    expiresAt: new Date(ctx.now() + wait * 1000),
    intervalSeconds: typeof interval === "number" && interval >= 0 ? Math.min(interval, wait) : DEFAULT_POLL_INTERVAL_SECONDS,
  };
}

export type PollOutcome = { kind: "token"; body: Record<string, unknown> } | { kind: "pending" } | { kind: "slow-down" };

/**
 * One CreateToken with the device code, as the AWS CLI v2's `_create_token_attempt`:
 * AuthorizationPendingException → keep polling; SlowDownException → poll 5 s less often;
 * ExpiredTokenException → the authorization expired (botocore's PendingAuthorizationExpiredError);
 * AccessDeniedException → it was denied; anything else fails the sign-in.
 */
export async function pollForToken(ctx: ProviderContext, call: CallSettings, registration: SsoClientRegistration, auth: DeviceAuthorization): Promise<PollOutcome> {
  const url = `${call.oidcUrl}/token`;
  const outcome = await callAwsJson(
    ctx,
    {
      method: "POST",
      url,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grantType: DEVICE_CODE_GRANT_TYPE, clientId: registration.clientId, clientSecret: registration.clientSecret, deviceCode: auth.deviceCode }),
      timeoutMs: call.timeoutMs,
      ...(call.signal && { signal: call.signal }),
    },
    call.retry,
    "sso-oidc",
  );
  if (outcome.ok) return { kind: "token", body: outcome.body };
  const code = outcome.kind === "service" ? outcome.code : "";
  if (code === "AuthorizationPendingException" || code === "authorization_pending") return { kind: "pending" };
  if (code === "SlowDownException" || code === "slow_down") return { kind: "slow-down" };
  if (code === "ExpiredTokenException" || code === "expired_token") throw expired(auth);
  if (code === "AccessDeniedException" || code === "access_denied") {
    throw signInFailure(`The authorization of code ${auth.userCode} was denied at ${auth.verificationUri} (SSO-OIDC CreateToken: AccessDeniedException). Run the sign-in again to retry.`);
  }
  throw signInFailure(`SSO-OIDC CreateToken at ${url} failed: ${describe(outcome)}`);
}

/** botocore's PendingAuthorizationExpiredError, with when it expired. */
export function expired(auth: PendingAuthorization) {
  return signInFailure(
    `The pending authorization to retrieve an SSO token has expired (code ${auth.userCode}, at ${auth.expiresAt.toISOString()}). ` +
      "The device authorization flow to retrieve an SSO token must be restarted.",
  );
}
