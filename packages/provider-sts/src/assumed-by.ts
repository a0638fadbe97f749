import { createCredentials, CredchainError, quoteUntrusted, type Credentials, type CredentialSource } from "@credchain/core";

/** What a role assumer given in code returns: the AWS SDK's `AwsCredentialIdentity` or credchain's credentials. */
export interface CredentialsLike {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
  expiration?: Date | undefined;
  accountId?: string | undefined;
}

/**
 * Runs a role assumer given in code (the `assume` option, the AWS SDK's `roleAssumer`) and makes
 * its answer credchain credentials of `source`: checked like any provider's, a failure of its own
 * wrapped as `CredentialRetrieval` naming the option, its words quoted as untrusted text.
 */
export async function assumedBy(source: CredentialSource, option: string, run: () => Promise<CredentialsLike>): Promise<Credentials> {
  let c: CredentialsLike;
  try {
    c = await run();
  } catch (error) {
    if (CredchainError.isInstance(error)) throw error;
    const why = quoteUntrusted(error instanceof Error ? error.message : String(error));
    throw new CredchainError({ code: "CredentialRetrieval", message: `${source}: the ${option} function failed: ${why}`, source, key: option, cause: error });
  }
  const missing = (["accessKeyId", "secretAccessKey"] as const).filter((k) => typeof c?.[k] !== "string" || c[k] === "");
  if (missing.length > 0 || (c.expiration !== undefined && !(c.expiration instanceof Date && !Number.isNaN(c.expiration.getTime())))) {
    const what = missing.length > 0 ? `without ${missing.join(", ")}` : "with an expiration that is not a valid Date";
    throw new CredchainError({ code: "CredentialRetrieval", message: `${source}: the ${option} function answered ${what}`, source, key: option });
  }
  const { accessKeyId, secretAccessKey, sessionToken, expiration, accountId } = c;
  return createCredentials({ accessKeyId, secretAccessKey, sessionToken, expiration, accountId, source }, { where: `the answer of the ${option} function` });
}
