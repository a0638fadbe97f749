import { createCredentials, CredchainError, notFound, type CredentialProvider, type LocalContextInit } from "@credchain/core/local";
import { CONFIG_FILE_MAX_BYTES, describeReadError, expandUser, resolveLocalContext } from "@credchain/core/internal";
import { parseKeyValFileContents } from "./parse-key-val-file.js";

/** Names the file of the original EC2 command line tools (botocore's `CRED_FILE_ENV`). */
export const AWS_CREDENTIAL_FILE = "AWS_CREDENTIAL_FILE";
/** The access key's name in that file (case-sensitive). */
export const EC2_ACCESS_KEY = "AWSAccessKeyId";
/** The secret key's name in that file (case-sensitive). */
export const EC2_SECRET_KEY = "AWSSecretKey";

/** Options of {@link fromEc2CredentialsFile}: only the shared context (env, homedir, readFile, logger). */
export type Ec2CredentialsFileInit = LocalContextInit;

const SOURCE = "ec2-credentials-file";

/**
 * Credentials from the file named by `AWS_CREDENTIAL_FILE`, as botocore's OriginalEC2Provider:
 * `AWSAccessKeyId=…` and `AWSSecretKey=…` lines (see {@link parseKeyValFileContents}); no
 * session token. The path gets `~` expanded but not `$VARS`, as in botocore.
 *
 * - `AWS_CREDENTIAL_FILE` unset: `notFound` (the chain moves on).
 * - Set (even to an empty string) but the file cannot be opened (missing, a directory, no
 *   permission): `ConfigNotFound` — botocore raises and the chain stops. The same for a FIFO or
 *   device, which is never opened for reading (botocore would hang on it).
 * - Larger than 16 MiB: `ConfigParse`, naming the cap, without reading the rest.
 * - Not UTF-8: `ConfigParse` (botocore fails with UnicodeDecodeError).
 * - No `AWSAccessKeyId` line: `notFound`.
 * - `AWSAccessKeyId` without `AWSSecretKey`: `PartialCredentials` (botocore fails with KeyError).
 *
 * Empty values are used as they are, as in botocore. The file is read on every call.
 *
 * @example
 * ```ts
 * import { fromEc2CredentialsFile } from "@credchain/provider-boto-cfg";
 *
 * // AWS_CREDENTIAL_FILE=~/ec2.creds holding "AWSAccessKeyId=AKID…\nAWSSecretKey=…"
 * const { accessKeyId, source } = await fromEc2CredentialsFile()(); // source: "ec2-credentials-file"
 * ```
 */
export function fromEc2CredentialsFile(init: Ec2CredentialsFileInit = {}): CredentialProvider {
  const ctx = resolveLocalContext(init);
  return async () => {
    const named = ctx.env[AWS_CREDENTIAL_FILE];
    if (named === undefined) {
      throw notFound(SOURCE, `${AWS_CREDENTIAL_FILE} is not set`, { envVars: [AWS_CREDENTIAL_FILE] });
    }
    const path = expandUser(named, ctx.homedir);
    const lookedAt = { envVars: [AWS_CREDENTIAL_FILE], files: [path] };
    const fail = (code: "ConfigNotFound" | "ConfigParse" | "PartialCredentials", message: string, extra: { key?: string; cause?: unknown } = {}) =>
      new CredchainError({ code, message, source: SOURCE, file: path, lookedAt, ...extra });

    let text: string;
    try {
      text = await ctx.readFile(path, { maxBytes: CONFIG_FILE_MAX_BYTES });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      // botocore's parse_key_val_file turns every OSError into ConfigNotFound; anything else
      // (a bug in an injected reader) is not ours to rename.
      if (typeof code !== "string") throw error;
      const why = describeReadError(error);
      const extra = { key: AWS_CREDENTIAL_FILE, cause: error };
      if (code === "EFBIG") throw fail("ConfigParse", `Unable to parse config file ${path} (${AWS_CREDENTIAL_FILE}): the file ${why}`, extra);
      throw fail("ConfigNotFound", `The specified config file (${path}) could not be found: ${AWS_CREDENTIAL_FILE} names it but it ${why}`, extra);
    }
    // What invalid UTF-8 decodes to; botocore's read() raises UnicodeDecodeError there.
    if (text.includes("\ufffd")) {
      throw fail("ConfigParse", `Unable to parse config file ${path} (${AWS_CREDENTIAL_FILE}): the file is not valid UTF-8`);
    }

    const values = parseKeyValFileContents(text);
    const accessKeyId = values.get(EC2_ACCESS_KEY);
    if (accessKeyId === undefined) {
      throw notFound(SOURCE, `${path} (${AWS_CREDENTIAL_FILE}) has no ${EC2_ACCESS_KEY} line`, lookedAt);
    }
    const secretAccessKey = values.get(EC2_SECRET_KEY);
    if (secretAccessKey === undefined) {
      throw fail(
        "PartialCredentials",
        `Partial credentials found in ${SOURCE}, missing: ${EC2_SECRET_KEY} (${path}, named by ${AWS_CREDENTIAL_FILE}, has ${EC2_ACCESS_KEY} but no ${EC2_SECRET_KEY})`,
        { key: EC2_SECRET_KEY },
      );
    }
    ctx.logger.debug(`${SOURCE}: found credentials in ${path} (${AWS_CREDENTIAL_FILE})`);
    return createCredentials(
      { accessKeyId, secretAccessKey, source: SOURCE },
      { accessKeyId: EC2_ACCESS_KEY, secretAccessKey: EC2_SECRET_KEY, where: `${path} (${AWS_CREDENTIAL_FILE})`, file: path },
    );
  };
}
