import { createCredentials, CredchainError, type CredentialProvider } from "@credchain/core/local";

/** Keys passed in code, as `boto3.Session(…)` with an access key and secret. */
export interface ExplicitCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function fromExplicit(keys: ExplicitCredentials): CredentialProvider {
  return async () => {
    if (!keys.accessKeyId || !keys.secretAccessKey) {
      const missing = keys.accessKeyId ? "secretAccessKey" : "accessKeyId";
      throw new CredchainError({
        code: "PartialCredentials",
        message: `Partial credentials found in explicit, missing: ${missing} (the credentials option)`,
        source: "explicit",
        key: missing,
      });
    }
    return createCredentials({ ...keys, source: "explicit" });
  };
}
