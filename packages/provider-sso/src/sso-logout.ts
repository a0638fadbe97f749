import { join } from "node:path";
import type { ProviderContextInit, ReadFile } from "@credchain/core/local";
import { resolveContext } from "@credchain/core";
import { nodeFsPromises, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { withFileLock } from "@credchain/core/writes";
import { DEFAULT_SSO_TIMEOUT_MS } from "./from-sso.js";
import { resolveSsoEndpoint } from "./endpoints.js";
import { ssoTokenCacheDir } from "./token-cache.js";

export interface SsoLogoutInit extends ProviderContextInit {
  /** SSO portal endpoint for Logout. Default: env `AWS_ENDPOINT_URL_SSO`, `AWS_ENDPOINT_URL`, else `https://portal.sso.<the token's region>.…`. */
  portalEndpoint?: string;
  /** Per Logout call. Default: 60000. */
  timeoutMs?: number;
}

export interface SsoLogoutResult {
  /** Token files removed from `~/.aws/sso/cache`. */
  tokens: string[];
  /** SSO role credentials removed from `~/.aws/cli/cache`. */
  credentials: string[];
}

/** The JSON document in `file`, or undefined when it is not a readable regular file holding a JSON object. */
async function readJson(readFile: ReadFile, file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const doc: unknown = JSON.parse(await readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES }));
    return typeof doc === "object" && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return (await nodeFsPromises().readdir(dir)).map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * Signs out as `aws sso logout` does: every file in `~/.aws/sso/cache` holding an `accessToken`
 * is signed out at the portal (Logout, for the token's `region`; a failure there is ignored, as
 * the AWS CLI ignores it) and removed, under its lock; every file in `~/.aws/cli/cache` with
 * `"ProviderType": "sso"` (role credentials got with an SSO token) is removed. Client
 * registrations stay. Files that are not regular, not JSON or too large are left alone.
 *
 * @example
 * ```ts
 * import { ssoLogout } from "@credchain/provider-sso/sign-in";
 *
 * const { tokens } = await ssoLogout();
 * ```
 */
export async function ssoLogout(init: SsoLogoutInit = {}): Promise<SsoLogoutResult> {
  const ctx = resolveContext(init);
  const { unlink } = nodeFsPromises();
  const result: SsoLogoutResult = { tokens: [], credentials: [] };
  for (const file of await list(ssoTokenCacheDir(ctx.homedir))) {
    if (file.endsWith(".lock")) continue;
    const doc = await readJson(ctx.readFile, file);
    if (typeof doc?.accessToken !== "string") continue;
    if (typeof doc.region === "string") {
      try {
        const url = `${resolveSsoEndpoint("portal", doc.region, ctx.env, init.portalEndpoint)}/logout`;
        const response = await ctx.transport({ method: "POST", url, headers: { "x-amz-sso_bearer_token": doc.accessToken }, timeoutMs: init.timeoutMs ?? DEFAULT_SSO_TIMEOUT_MS });
        ctx.logger.debug(`sso: Logout at ${url}: HTTP ${response.status}`);
      } catch (error) {
        ctx.logger.debug(`sso: Logout for ${file} failed (${(error as Error).message}); removing the token anyway`);
      }
    }
    await withFileLock(file, () => unlink(file).catch(() => {}));
    result.tokens.push(file);
  }
  for (const file of await list(join(ctx.homedir, ".aws", "cli", "cache"))) {
    if (file.endsWith(".lock")) continue;
    if ((await readJson(ctx.readFile, file))?.ProviderType !== "sso") continue;
    await withFileLock(file, () => unlink(file).catch(() => {}));
    result.credentials.push(file);
  }
  return result;
}
