import { createCredentials, type CredentialProvider } from "@credchain/core";

export const AKID = "AKIDEXAMPLE";
export const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
export const TOKEN = "session/token+with=odd&chars";

/** A provider of fixed credentials that counts its calls. */
export function staticProvider(sessionToken?: string): CredentialProvider & { calls: number } {
  const provider = Object.assign(
    async () => {
      provider.calls++;
      return createCredentials({ accessKeyId: AKID, secretAccessKey: SECRET, sessionToken, source: "explicit" });
    },
    { calls: 0 },
  );
  return provider;
}
