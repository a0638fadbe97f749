import { createCredentials, type CredentialProvider } from "@credchain/core";

/**
 * A minimal container-endpoint provider for tests (the real one lives in
 * @credchain/provider-container, which the signer does not depend on): GET the URL, map the JSON.
 */
export function fromContainerUrl(url: string): CredentialProvider & { calls: number } {
  const provider = Object.assign(
    async () => {
      provider.calls++;
      const res = await fetch(url);
      if (!res.ok) throw new Error(`container endpoint answered ${res.status}`);
      const body = (await res.json()) as { AccessKeyId: string; SecretAccessKey: string; Token?: string; Expiration: string };
      return createCredentials({
        accessKeyId: body.AccessKeyId,
        secretAccessKey: body.SecretAccessKey,
        sessionToken: body.Token,
        expiration: new Date(body.Expiration),
        source: "container-role",
      });
    },
    { calls: 0 },
  );
  return provider;
}
