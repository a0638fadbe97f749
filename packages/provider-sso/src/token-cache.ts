import { join } from "node:path";
import { nodeCrypto } from "@credchain/core/internal";

/** A token as the AWS CLI v2 caches it in `~/.aws/sso/cache/<sha1>.json`. */
export interface SsoToken {
  accessToken: string;
  /** ISO 8601, e.g. `2026-11-23T20:00:00Z`. */
  expiresAt: string;
  region?: string;
  startUrl?: string;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: string;
  [key: string]: unknown;
}

/**
 * The cache file name the AWS CLI v2 and botocore use (`SSOTokenLoader._generate_cache_key`):
 * the SHA-1 hex of the sso-session name, or of the start URL for a legacy profile, plus `.json`.
 *
 * @example
 * ```ts
 * ssoTokenCacheFile("/home/me", { ssoSession: "corp", ssoStartUrl: "https://corp.awsapps.com/start" });
 * // "/home/me/.aws/sso/cache/<sha1 of "corp">.json"
 * ```
 */
export function ssoTokenCacheFile(homedir: string, key: { ssoSession?: string | undefined; ssoStartUrl: string }): string {
  const input = key.ssoSession ?? key.ssoStartUrl;
  return join(ssoTokenCacheDir(homedir), `${nodeCrypto().createHash("sha1").update(input, "utf8").digest("hex")}.json`);
}

/**
 * `~/.aws/sso/cache`: fixed in botocore (no env var).
 *
 * @example
 * ```ts
 * ssoTokenCacheDir("/home/me"); // "/home/me/.aws/sso/cache"
 * ```
 */
export function ssoTokenCacheDir(homedir: string): string {
  return join(homedir, ".aws", "sso", "cache");
}
