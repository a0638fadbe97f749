import { CredchainError, type ProviderContext } from "@credchain/core";

/** The Authorization header value for the container endpoint. */
export const AWS_CONTAINER_AUTHORIZATION_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
/** A file holding the Authorization value (EKS Pod Identity); wins over the token, re-read on every fetch. */
export const AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

/**
 * The Authorization value botocore would send: the token file's contents when
 * AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE is set (read raw, every time, since EKS rotates it),
 * else AWS_CONTAINER_AUTHORIZATION_TOKEN, else none. A CR or LF anywhere (a trailing newline
 * included) is refused, as botocore does (ValueError: not a legal header value); so is NUL, which
 * fetch would refuse with the value in its message.
 */
export async function readAuthorizationToken(ctx: Pick<ProviderContext, "env" | "readFile">): Promise<string | undefined> {
  const file = ctx.env[AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE];
  let token: string | undefined;
  let from: string;
  if (file !== undefined) {
    from = `the file ${file} (${AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE})`;
    try {
      token = await ctx.readFile(file);
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
      throw new CredchainError({
        code: "CredentialRetrieval",
        message: `Error when retrieving credentials from container-role: cannot read the authorization token file ${file} named by ${AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (${reason})`,
        source: "container-role",
        file,
        key: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE,
        cause,
      });
    }
  } else {
    token = ctx.env[AWS_CONTAINER_AUTHORIZATION_TOKEN];
    from = AWS_CONTAINER_AUTHORIZATION_TOKEN;
  }
  if (token !== undefined && /[\r\n\0]/.test(token)) {
    throw new CredchainError({
      code: "InvalidConfig",
      message: `The container authorization token from ${from} is not a legal header value: it contains a line break (CR or LF; a trailing newline counts) or a NUL`,
      source: "container-role",
      ...(file !== undefined && { file }),
      key: file !== undefined ? AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE : AWS_CONTAINER_AUTHORIZATION_TOKEN,
    });
  }
  return token;
}
