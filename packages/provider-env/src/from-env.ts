import { createCredentials, CredchainError, notFound, parseTimestamp, type CredentialProvider, type ProviderContextInit } from "@credchain/core";
import { NOT_A_TIMESTAMP } from "@credchain/core/internal";
import {
  AWS_ACCESS_KEY_ID,
  AWS_ACCOUNT_ID,
  AWS_CREDENTIAL_EXPIRATION,
  AWS_SECRET_ACCESS_KEY,
  AWS_SECURITY_TOKEN,
  AWS_SESSION_TOKEN,
  ENV_CREDENTIAL_VARS,
} from "./env-names.js";

export type EnvInit = Pick<ProviderContextInit, "env" | "logger">;

const SOURCE = "env";

/**
 * Credentials from environment variables, as botocore's EnvProvider (source `env`).
 *
 * - `AWS_ACCESS_KEY_ID` unset or empty: not here, the chain moves on.
 * - `AWS_ACCESS_KEY_ID` set but `AWS_SECRET_ACCESS_KEY` unset or empty: `PartialCredentials`
 *   (the chain stops, as botocore does, rather than silently using a file).
 * - Token: `AWS_SECURITY_TOKEN`, else `AWS_SESSION_TOKEN` (botocore's order); empty means none.
 * - `AWS_CREDENTIAL_EXPIRATION` (ISO 8601 with a zone), if non-empty, becomes `expiration`; text
 *   that is no such time (no zone, `1`, junk) gives `InvalidConfig`. `AWS_ACCOUNT_ID`, if
 *   non-empty, becomes `accountId`.
 * - A value holding a control character (CR, LF, …) gives `CredentialRetrieval` naming the variable.
 * - Values are used verbatim (no trimming), as botocore does.
 *
 * The environment is read on every call, so a refresh sees rotated values.
 *
 * @example
 * ```ts
 * import { fromEnv } from "@credchain/provider-env";
 *
 * const credentials = await fromEnv()();
 * console.log(credentials.source); // "env"
 * ```
 */
export function fromEnv({ env = process.env, logger }: EnvInit = {}): CredentialProvider {
  // Only env and the caller's logger, if any: a context (and its stderr default) would cost the
  // smallest bundle more than this provider itself. No options object is kept: a cached provider
  // holds what it reads, and no more.
  return async () => {
    const accessKeyId = env[AWS_ACCESS_KEY_ID];
    const lookedAt = { envVars: [...ENV_CREDENTIAL_VARS] };
    const fail = (code: "PartialCredentials" | "InvalidConfig", key: string, message: string) =>
      new CredchainError({ code, message, source: SOURCE, key, lookedAt });
    if (!accessKeyId) throw notFound(SOURCE, `${AWS_ACCESS_KEY_ID} ${accessKeyId === "" ? "is empty" : "is not set"}`, lookedAt);
    const secretAccessKey = env[AWS_SECRET_ACCESS_KEY];
    if (!secretAccessKey) {
      throw fail("PartialCredentials", AWS_SECRET_ACCESS_KEY, `Partial credentials found in env, missing: ${AWS_SECRET_ACCESS_KEY}`);
    }
    const expirationText = env[AWS_CREDENTIAL_EXPIRATION] ?? "";
    const expiration = parseTimestamp(expirationText); // undefined for "" (unset or empty: no expiration)
    if (expirationText && !expiration) {
      throw fail("InvalidConfig", AWS_CREDENTIAL_EXPIRATION, `${AWS_CREDENTIAL_EXPIRATION} ${NOT_A_TIMESTAMP}: ${JSON.stringify(expirationText)}`);
    }
    logger?.debug("env: found credentials");
    const tokenVar = env[AWS_SECURITY_TOKEN] ? AWS_SECURITY_TOKEN : AWS_SESSION_TOKEN;
    return createCredentials(
      {
        accessKeyId,
        secretAccessKey,
        sessionToken: env[tokenVar] || undefined,
        expiration,
        accountId: env[AWS_ACCOUNT_ID] || undefined,
        source: SOURCE,
      },
      { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY, sessionToken: tokenVar, accountId: AWS_ACCOUNT_ID },
    );
  };
}
