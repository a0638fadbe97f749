import { parseTimestamp, type LookedAt, type ProviderContext } from "@credchain/core/local";
import { describeReadError, NOT_A_TIMESTAMP, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { signInError } from "./errors.js";
import type { LoginToken } from "./login-cache.js";

/** botocore's `LoginCredentialFetcher._REQUIRED_TOKEN_FIELDS`, in its order. */
const REQUIRED = ["accessToken", "refreshToken", "dpopKey", "clientId"] as const;
/** What `_token_to_credentials` reads from `accessToken` (a KeyError in botocore when absent). */
const ACCESS_FIELDS = ["accessKeyId", "secretAccessKey", "sessionToken", "accountId", "expiresAt"] as const;

export interface LoadedLoginToken {
  token: LoginToken;
  expiresAt: Date;
}

/**
 * Reads and checks the cached session as botocore's LoginCredentialFetcher does, and fails with
 * `CredentialRetrieval` naming the file and what is wrong (never a value from it), plus the
 * `aws login` command.
 */
export async function readLoginToken(ctx: ProviderContext, file: string, session: string, profile: string, lookedAt: LookedAt): Promise<LoadedLoginToken> {
  const fail = (note: string, message: string, extra: { cause?: unknown; key?: string } = {}) => {
    lookedAt.note = note;
    return signInError("login", { profile }, { code: "CredentialRetrieval", message: `Error loading login session token: ${message}`, lookedAt, hint: true, file, ...extra });
  };

  let text: string;
  try {
    text = await ctx.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
  } catch (error) {
    const why = describeReadError(error);
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw fail("no cached login session", `Unable to load an existing login session for session ${session} (no file ${file}).`);
    }
    // A directory, FIFO or device is never opened for reading (botocore would hang on a FIFO).
    throw fail(`login cache file ${why}`, `the login cache file ${file} ${why}.`, { cause: error });
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // botocore's JSONFileCache turns this into a bare KeyError; say what is wrong instead.
    throw fail("login cache file is not valid JSON", `the login cache file ${file} is not valid JSON (empty, truncated or corrupt).`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw fail("login cache file is not a JSON object", `the login cache file ${file} is not a JSON object.`);
  }
  const doc = parsed as Record<string, unknown>;
  const missing = REQUIRED.filter((k) => !(k in doc));
  if (missing.length > 0) {
    throw fail(`cached session has no ${missing.join(", ")}`, `Failed to load access token from token cache, missing required fields: ${missing.join(", ")} (in ${file}).`);
  }
  const notText = (["refreshToken", "dpopKey", "clientId"] as const).filter((k) => typeof doc[k] !== "string");
  const access = doc.accessToken;
  const accessMissing =
    typeof access === "object" && access !== null && !Array.isArray(access)
      ? ACCESS_FIELDS.filter((k) => typeof (access as Record<string, unknown>)[k] !== "string").map((k) => `accessToken.${k}`)
      : ["accessToken"];
  const bad = [...accessMissing, ...notText];
  if (bad.length > 0) {
    throw fail(`cached session has no usable ${bad.join(", ")}`, `the cached session in ${file} has no usable ${bad.join(", ")}.`, { key: bad[0] });
  }
  const token = doc as LoginToken;
  const expiresAt = parseTimestamp(token.accessToken.expiresAt);
  if (expiresAt === undefined) {
    throw fail("cached session has an unreadable expiresAt", `accessToken.expiresAt in ${file} ${NOT_A_TIMESTAMP}.`, { key: "accessToken.expiresAt" });
  }
  lookedAt.note = `session credentials expire ${expiresAt.toISOString()}`;
  return { token, expiresAt };
}
