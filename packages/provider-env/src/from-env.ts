import {
  createCredentials,
  CredchainError,
  notFound,
  parseTimestamp,
  resolveContext,
  type CredentialProvider,
  type ProviderContextInit,
} from "@credchain/core";
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
 * - `AWS_CREDENTIAL_EXPIRATION` (ISO 8601), if non-empty, becomes `expiration`; text that is no
 *   time gives `InvalidConfig`. `AWS_ACCOUNT_ID`, if non-empty, becomes `accountId`.
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
export function fromEnv(init: EnvInit = {}): CredentialProvider {
  const ctx = resolveContext(init);
  return async () => {
    const env = ctx.env;
    const accessKeyId = env[AWS_ACCESS_KEY_ID];
    const lookedAt = { envVars: [...ENV_CREDENTIAL_VARS] };
    if (!accessKeyId) {
      const why = accessKeyId === "" ? "is empty" : "is not set";
      throw notFound(SOURCE, `${AWS_ACCESS_KEY_ID} ${why}`, lookedAt);
    }
    const secretAccessKey = env[AWS_SECRET_ACCESS_KEY];
    if (!secretAccessKey) {
      throw new CredchainError({
        code: "PartialCredentials",
        message: `Partial credentials found in env, missing: ${AWS_SECRET_ACCESS_KEY} (${AWS_ACCESS_KEY_ID} is set)`,
        source: SOURCE,
        key: AWS_SECRET_ACCESS_KEY,
        lookedAt,
      });
    }
    const sessionToken = env[AWS_SECURITY_TOKEN] || env[AWS_SESSION_TOKEN] || undefined;
    const expirationText = env[AWS_CREDENTIAL_EXPIRATION];
    let expiration: Date | undefined;
    if (expirationText) {
      expiration = parseTimestamp(expirationText);
      if (expiration === undefined) {
        throw new CredchainError({
          code: "InvalidConfig",
          message: `${AWS_CREDENTIAL_EXPIRATION} is not a time: "${expirationText}" (expected ISO 8601, e.g. 2030-01-01T00:00:00Z)`,
          source: SOURCE,
          key: AWS_CREDENTIAL_EXPIRATION,
          lookedAt,
        });
      }
    }
    ctx.logger.debug("env: credentials from environment variables");
    return createCredentials({
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiration,
      accountId: env[AWS_ACCOUNT_ID] || undefined,
      source: SOURCE,
    });
  };
}
