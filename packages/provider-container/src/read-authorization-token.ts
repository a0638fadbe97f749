import { CredchainError, type ProviderContext } from "@credchain/core/local";
import { describeReadError, TOKEN_FILE_MAX_BYTES } from "@credchain/core/internal";
import { retrievalError } from "@credchain/core/http";
import { SOURCE } from "./resolve-container-endpoint.js";

/** The Authorization header value for the container endpoint. */
export const AWS_CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
/** A file holding the Authorization value (EKS Pod Identity); wins over the token, re-read on every fetch. */
export const AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

/**
 * The Authorization value botocore would send: the token file's contents when
 * AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE is set (read raw, every time, since EKS rotates it),
 * else AWS_CONTAINER_AUTHORIZATION_TOKEN, else none. A token file that is missing, not a regular
 * file (a directory, FIFO or device: never opened for reading) or over 1 MiB fails with
 * `CredentialRetrieval` naming the file, the variable and why. A CR or LF anywhere (a trailing newline
 * included) is refused, as botocore does (ValueError: not a legal header value); so is NUL, which
 * fetch would refuse with the value in its message.
 *
 * @example
 * ```ts
 * const authorization = await readAuthorizationToken({ env: process.env, readFile: readRegularFile });
 * ```
 */
export async function readAuthorizationToken(ctx: Pick<ProviderContext, "env" | "readFile">): Promise<string | undefined> {
  const file = ctx.env[AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE];
  const key = file !== undefined ? AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE : AWS_CONTAINER_AUTHORIZATION_TOKEN;
  let token = ctx.env[AWS_CONTAINER_AUTHORIZATION_TOKEN];
  if (file !== undefined) {
    try {
      token = await ctx.readFile(file, { maxBytes: TOKEN_FILE_MAX_BYTES });
    } catch (cause) {
      // botocore raises the open's OSError (FileNotFoundError, IsADirectoryError) and hangs on a FIFO.
      throw retrievalError(SOURCE, `cannot read the token file ${file} (${key}): it ${describeReadError(cause)}`, { file, key, cause });
    }
  }
  if (token && /[\r\n\0]/.test(token)) {
    throw new CredchainError({
      code: "InvalidConfig",
      message: `The container authorization token from ${file ?? key} is not a legal header value: it has a CR, LF (a trailing newline counts) or NUL`,
      source: SOURCE,
      file,
      key,
    });
  }
  return token;
}
