import { join } from "node:path";
import type { Env } from "@credchain/core/local";
import { expandPath, nodeCrypto } from "@credchain/core/internal";

/** Where `aws login` caches sessions instead of `~/.aws/login/cache` (botocore expands `$VARS` and `~`). */
export const AWS_LOGIN_CACHE_DIRECTORY = "AWS_LOGIN_CACHE_DIRECTORY";

/** A session as `aws login` caches it in `~/.aws/login/cache/<sha256>.json`. */
export interface LoginToken {
  accessToken: {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
    accountId: string;
    /** ISO 8601, e.g. `2026-11-23T20:00:00Z`. */
    expiresAt: string;
  };
  /** `arn:aws:signin:::devtools/same-device` or `…/cross-device`. */
  clientId: string;
  refreshToken: string;
  /** The DPoP private key: a PEM P-256 key (SEC1 `EC PRIVATE KEY` as the CLI writes it, or PKCS#8). */
  dpopKey: string;
  tokenType?: string;
  idToken?: string;
  [key: string]: unknown;
}

/**
 * botocore's `get_login_token_cache_directory`: `AWS_LOGIN_CACHE_DIRECTORY` when set (even empty,
 * as botocore tests `in os.environ`), expanded, else `~/.aws/login/cache`.
 *
 * @example
 * ```ts
 * loginCacheDir({}, "/home/me"); // "/home/me/.aws/login/cache"
 * loginCacheDir({ AWS_LOGIN_CACHE_DIRECTORY: "~/c" }, "/home/me"); // "/home/me/c"
 * ```
 */
export function loginCacheDir(env: Env, homedir: string): string {
  const configured = env[AWS_LOGIN_CACHE_DIRECTORY];
  return configured !== undefined ? expandPath(configured, env, homedir) : join(homedir, ".aws", "login", "cache");
}

/**
 * The cache file of a login session (botocore's `generate_login_cache_key`): the SHA-256 hex of
 * the profile's `login_session` value, plus `.json`.
 *
 * @example
 * ```ts
 * loginCacheFile({}, "/home/me", "arn:aws:iam::111122223333:user/me");
 * // "/home/me/.aws/login/cache/<sha256 of the session>.json"
 * ```
 */
export function loginCacheFile(env: Env, homedir: string, loginSession: string): string {
  return join(loginCacheDir(env, homedir), `${nodeCrypto().createHash("sha256").update(loginSession, "utf8").digest("hex")}.json`);
}
