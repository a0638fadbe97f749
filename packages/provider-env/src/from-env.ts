import { createCredentials, CredchainError, parseTimestamp, type CredentialProvider, type ErrorCode, type Logger, type ProviderContextInit } from "@credchain/core/local";
import { NOT_A_TIMESTAMP, stderrLine } from "@credchain/core/internal";
import {
  AWS_ACCESS_KEY_ID,
  AWS_ACCOUNT_ID,
  AWS_CREDENTIAL_EXPIRATION,
  AWS_SECRET_ACCESS_KEY,
  AWS_SECURITY_TOKEN,
  AWS_SESSION_TOKEN,
  ENV_CREDENTIAL_VARS,
} from "./env-names.js";

export type EnvInit = Pick<ProviderContextInit, "env"> & {
  /**
   * Where its one line goes (`env: found credentials`, never a secret); only `debug` is called.
   * Default: stderr when `CREDCHAIN_DEBUG` is set in `env`, else nowhere.
   */
  logger?: Pick<Logger, "debug"> | undefined;
};

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
 * The environment is read on every call, so a refresh sees rotated values. With `CREDCHAIN_DEBUG`
 * set and no `logger` given, its debug line goes to stderr (`[credchain] env: found credentials`).
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
  // Its one line, a debug line, goes to the given logger, else to stderr when CREDCHAIN_DEBUG is
  // set (resolveLogger's rule, core's line format). Not resolveLogger and its whole default logger,
  // nor a context: either would cost the env-only bundle more than this provider. No options
  // object is kept: a cached provider holds what it reads, and no more (a parameter reassigned: a
  // body variable beside the parameters cost each cached provider ~16 B more, `pnpm bench`).
  logger ??= env.CREDCHAIN_DEBUG ? { debug: stderrLine } : undefined;
  return async () => {
    const accessKeyId = env[AWS_ACCESS_KEY_ID];
    // Here, not inside fail (4 B smaller): there it cost each cached provider ~15 B (`pnpm bench`).
    const lookedAt = { envVars: [...ENV_CREDENTIAL_VARS] };
    // Every other outcome, with what was looked at; "not here" (tryNextLink) only without a key
    // id. One builder for all three: smaller than it and core's notFound side by side.
    const fail = (code: ErrorCode, message: string, key?: string, tryNextLink?: true) =>
      new CredchainError({ code, message, source: SOURCE, key, lookedAt, tryNextLink });
    if (!accessKeyId) throw fail("NoCredentials", `${AWS_ACCESS_KEY_ID} is ${accessKeyId === "" ? "empty" : "not set"}`, undefined, true);
    const secretAccessKey = env[AWS_SECRET_ACCESS_KEY];
    if (!secretAccessKey) {
      throw fail("PartialCredentials", `Partial credentials found in env, missing: ${AWS_SECRET_ACCESS_KEY}`, AWS_SECRET_ACCESS_KEY);
    }
    const expirationText = env[AWS_CREDENTIAL_EXPIRATION] ?? "";
    // Unset or empty: no expiration, and the timestamp pattern is not compiled (~0.1 ms of a cold start).
    const expiration = expirationText ? parseTimestamp(expirationText) : undefined;
    if (expirationText && !expiration) {
      throw fail("InvalidConfig", `${AWS_CREDENTIAL_EXPIRATION} ${NOT_A_TIMESTAMP}: ${JSON.stringify(expirationText)}`, AWS_CREDENTIAL_EXPIRATION);
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
