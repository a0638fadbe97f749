import { CredchainError, MAX_ATTEMPTS, resolveSetting, type CredentialProvider, type ProfileSettings, type ProviderContextInit } from "@credchain/core/local";
import { resolveContext } from "@credchain/core";
import { showName, USED_DETAIL } from "@credchain/core/internal";
import { retryPolicy } from "@credchain/core/aws-json";
import { getRoleCredentials } from "./get-role-credentials.js";
import { loadSsoToken } from "./load-sso-token.js";
import type { SsoProfileConfig } from "@credchain/core/internal";

/** botocore's default connect and read timeout (60 s each); here for the whole exchange. */
export const DEFAULT_SSO_TIMEOUT_MS = 60_000;
/** botocore's `legacy` retry mode: 5 attempts in all. */
export const DEFAULT_SSO_MAX_ATTEMPTS = 5;

export interface SsoInit extends SsoProfileConfig, ProviderContextInit {
  /**
   * SSO portal endpoint. Default: env `AWS_ENDPOINT_URL_SSO`, else `AWS_ENDPOINT_URL`, else the
   * profile's services section (`sso`) or `endpoint_url`, else `https://portal.sso.<sso_region>.<partition's domain>`.
   */
  portalEndpoint?: string;
  /** SSO-OIDC endpoint for token refresh. Default: as `portalEndpoint`, with `AWS_ENDPOINT_URL_SSO_OIDC` and `sso_oidc`; else `https://oidc.<sso_region>.…`. */
  oidcEndpoint?: string;
  /**
   * The session profile's settings (provider-ini's `profileSettings`), below the env vars: as in
   * botocore, the SSO clients read the selected profile's services section, `endpoint_url`,
   * `ignore_configured_endpoint_urls` and `max_attempts`. The chain passes them.
   */
  profileSettings?: ProfileSettings | undefined;
  /** Per request. Default: 60000 (botocore's connect/read timeout). */
  timeoutMs?: number;
  /** Attempts per call for 5xx, throttling and connection errors. Default: env AWS_MAX_ATTEMPTS, else the profile's `max_attempts`, else 5 (botocore's legacy retry mode). */
  maxAttempts?: number;
  /** Pause between attempts; tests inject an instant one. Default: `setTimeout` with botocore's legacy backoff. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const REQUIRED = { ssoStartUrl: "sso_start_url", ssoRegion: "sso_region", ssoAccountId: "sso_account_id", ssoRoleName: "sso_role_name" } as const;

/**
 * Credentials from IAM Identity Center, as botocore's SSOProvider: the access token cached by
 * `aws sso login` in `~/.aws/sso/cache` (file named by the SHA-1 of the sso-session name, or of
 * the start URL for a legacy profile), refreshed through SSO-OIDC for sso-session profiles when
 * under 15 minutes remain (written back atomically, mode 0600), then the portal's
 * GetRoleCredentials for `sso_account_id` / `sso_role_name`.
 *
 * Errors (each message ends with the `aws sso login …` command where signing in again helps):
 * no or unreadable cache file → `SSOTokenLoad`; legacy token expired or portal 401 →
 * `UnauthorizedSSOToken`; sso-session token expired and not refreshable → `TokenRetrieval`;
 * portal 403 / 5xx / garbage → `CredentialRetrieval`. Each error's `lookedAt` names the cache file
 * and the token's expiry, never the token. Each call reads the cache and calls the portal;
 * caching belongs to `withRefresh` from `@credchain/refresh-manager`.
 *
 * @example
 * ```ts
 * import { fromSso } from "@credchain/provider-sso";
 *
 * const provider = fromSso({
 *   profile: "dev",
 *   ssoSession: "corp",
 *   ssoStartUrl: "https://corp.awsapps.com/start",
 *   ssoRegion: "eu-west-1",
 *   ssoAccountId: "111122223333",
 *   ssoRoleName: "Developer",
 * });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromSso(init: SsoInit): CredentialProvider {
  const missing = Object.entries(REQUIRED).filter(([k]) => typeof init[k as keyof typeof REQUIRED] !== "string");
  if (missing.length > 0) {
    // Reported when called, as a provider fails: building it never throws.
    const error = new CredchainError({
      code: "InvalidConfig",
      message: `The profile "${showName(init.profile ?? "")}" is configured to use SSO but is missing required configuration: ${missing.map(([, v]) => v).join(", ")}`,
      source: "sso",
      profile: init.profile,
    });
    return () => Promise.reject(error);
  }
  const ctx = resolveContext(init);
  const retry = retryPolicy({ ...init, maxAttempts: resolveSetting(MAX_ATTEMPTS, { env: ctx.env, profile: init.profileSettings, source: "sso" }, init.maxAttempts).value }, DEFAULT_SSO_MAX_ATTEMPTS);
  const timeoutMs = init.timeoutMs ?? DEFAULT_SSO_TIMEOUT_MS;
  const config: SsoProfileConfig = init;

  return async (callOptions) => {
    const signal = callOptions?.signal;
    const { profileSettings } = init;
    const token = await loadSsoToken(ctx, config, { oidcEndpoint: init.oidcEndpoint, profileSettings, timeoutMs, retry, signal });
    const credentials = await getRoleCredentials(ctx, config, token, { portalEndpoint: init.portalEndpoint, profileSettings, timeoutMs, retry, signal });
    // For explain: the cache file read and when its token expires (never the token).
    const reason = `token from ${token.file}, token expires ${token.expiresAtText}`;
    return Object.defineProperty(credentials, USED_DETAIL, { value: { reason, lookedAt: { profile: config.profile, files: [token.file] } } });
  };
}
