import { createCredentials, type Credentials, type ProfileSettings, type ProviderContext } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import { callAwsJson, describeJsonFailure, type RetryPolicy } from "@credchain/core/aws-json";
import { resolveSsoEndpoint } from "./endpoints.js";
import { ssoError } from "./errors.js";
import type { LoadedSsoToken } from "./load-sso-token.js";
import type { SsoProfileConfig } from "@credchain/core/internal";

export interface PortalOptions {
  portalEndpoint?: string | undefined;
  profileSettings?: ProfileSettings | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  signal?: AbortSignal | undefined;
}

const FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken", "expiration"] as const;

/**
 * The portal's GetRoleCredentials (`GET /federation/credentials`, token in
 * `x-amz-sso_bearer_token`), as botocore's SSOCredentialFetcher: 401 → `UnauthorizedSSOToken`,
 * any other error → `CredentialRetrieval` with botocore's ClientError wording.
 */
export async function getRoleCredentials(
  ctx: ProviderContext,
  config: SsoProfileConfig,
  token: LoadedSsoToken,
  options: PortalOptions,
): Promise<Credentials> {
  const base = resolveSsoEndpoint("portal", config.ssoRegion, ctx.env, options.portalEndpoint, options.profileSettings);
  const query = `role_name=${encodeURIComponent(config.ssoRoleName)}&account_id=${encodeURIComponent(config.ssoAccountId)}`;
  const url = `${base}/federation/credentials?${query}`;
  const outcome = await callAwsJson(
    ctx,
    {
      method: "GET",
      url,
      headers: { "x-amz-sso_bearer_token": token.accessToken, accept: "application/json" },
      timeoutMs: options.timeoutMs,
      ...(options.signal && { signal: options.signal }),
    },
    options.retry,
    "sso",
  );
  const lookedAt = token.lookedAt;
  const fail = (message: string, extra: { status?: number; cause?: unknown } = {}) =>
    ssoError({ code: "CredentialRetrieval", message, config, lookedAt, file: token.file, ...extra });
  if (!outcome.ok) {
    if (outcome.kind === "service" && (outcome.code === "UnauthorizedException" || outcome.status === 401)) {
      throw ssoError({
        code: "UnauthorizedSSOToken",
        message: `The SSO session associated with this profile has expired or is otherwise invalid (the portal at ${base} answered ${outcome.code}).`,
        config,
        lookedAt,
        hint: true,
        file: token.file,
        status: outcome.status,
      });
    }
    if (outcome.kind === "service") {
      const target = outcome.code === "ForbiddenException" ? ` (role ${config.ssoRoleName} in account ${config.ssoAccountId}, profile "${showName(config.profile)}")` : "";
      throw fail(`An error occurred (${outcome.code}) when calling the GetRoleCredentials operation: ${outcome.message ?? `HTTP ${outcome.status}`}${target}`, {
        status: outcome.status,
      });
    }
    if (outcome.kind === "transport") throw fail(`GetRoleCredentials at ${base} failed: ${outcome.reason}`, { cause: outcome.cause });
    throw fail(`GetRoleCredentials at ${base} failed: ${describeJsonFailure(outcome)}`, { status: outcome.status });
  }

  const role = outcome.body.roleCredentials;
  if (typeof role !== "object" || role === null) throw fail(`GetRoleCredentials at ${base} answered without roleCredentials`);
  const doc = role as Record<string, unknown>;
  const missing = FIELDS.filter((k) => (k === "expiration" ? typeof doc[k] !== "number" : typeof doc[k] !== "string" || doc[k] === ""));
  if (missing.length > 0) throw fail(`GetRoleCredentials at ${base} answered without ${missing.join(", ")}`);
  // botocore formats the epoch milliseconds with "%Y-%m-%dT%H:%M:%SZ": whole seconds.
  const expiration = new Date(Math.floor((doc.expiration as number) / 1000) * 1000);
  ctx.logger.debug(`sso: credentials for ${config.ssoRoleName} in ${config.ssoAccountId}, expiring ${expiration.toISOString()}`);
  return createCredentials(
    {
      accessKeyId: doc.accessKeyId as string,
      secretAccessKey: doc.secretAccessKey as string,
      sessionToken: doc.sessionToken as string,
      expiration,
      accountId: config.ssoAccountId,
      source: "sso",
    },
    // roleCredentials names its fields as credchain does; the account is the profile's.
    { accountId: "sso_account_id", where: `the GetRoleCredentials answer from ${base}`, profile: config.profile },
  );
}
