import { createCredentials, CredchainError, type CredentialProvider, type Env } from "@credchain/core";

export interface VaultInit {
  /** Where VAULT_ADDR and VAULT_TOKEN are read. Default: `process.env`. */
  env?: Env;
  /** The role under the AWS secrets engine: `GET <VAULT_ADDR>/v1/aws/creds/<role>`. Default: `app`. */
  role?: string;
  /** Per-request timeout. Default: 3000 ms. */
  timeoutMs?: number;
}

/** The part of Vault's AWS secrets engine answer used here. */
interface VaultAnswer {
  lease_duration?: number;
  data?: { access_key?: string; secret_key?: string; security_token?: string | null };
}

/**
 * A custom provider: AWS credentials leased from a HashiCorp Vault-style AWS secrets engine.
 * It follows credchain's contract, so `chain()` treats it like any built-in provider:
 *
 * - VAULT_ADDR unset: "not here" (a `NoCredentials` error with `tryNextLink`), the chain moves on;
 * - VAULT_ADDR set but the vault cannot give credentials: a `CredchainError` with a real code,
 *   which stops the chain — a broken configuration is not papered over by the next provider;
 * - the lease's end becomes `expiration`, so `withRefresh` renews it before it runs out.
 *
 * `source` is one of botocore's names; a provider botocore does not have reports `explicit`
 * (credentials supplied by the application), and the chain's `link("vault", …)` names it in traces.
 *
 * @example
 * ```ts
 * import { chain, link } from "@credchain/chain/compose";
 * import { fromEnv } from "@credchain/provider-env";
 *
 * const credentials = chain(link("env", fromEnv()), link("vault", fromVault({ role: "deploy" })));
 * ```
 */
export function fromVault(init: VaultInit = {}): CredentialProvider {
  const role = init.role ?? "app";
  const timeoutMs = init.timeoutMs ?? 3000;
  return async (options) => {
    const env = init.env ?? process.env;
    const addr = env.VAULT_ADDR;
    if (!addr) {
      throw new CredchainError({ code: "NoCredentials", message: "VAULT_ADDR is not set", tryNextLink: true, lookedAt: { envVars: ["VAULT_ADDR"] } });
    }
    const token = env.VAULT_TOKEN;
    if (!token) {
      throw new CredchainError({ code: "InvalidConfig", message: "VAULT_ADDR is set but VAULT_TOKEN is not", key: "VAULT_TOKEN", lookedAt: { envVars: ["VAULT_ADDR", "VAULT_TOKEN"] } });
    }
    const url = `${addr.replace(/\/+$/, "")}/v1/aws/creds/${encodeURIComponent(role)}`;
    const signals = [AbortSignal.timeout(timeoutMs), ...(options?.signal ? [options.signal] : [])];
    let res: Response;
    try {
      res = await fetch(url, { headers: { "x-vault-token": token }, signal: AbortSignal.any(signals) });
    } catch (cause) {
      throw new CredchainError({ code: "CredentialRetrieval", message: `vault at ${url} did not answer: ${(cause as Error).message}`, cause });
    }
    // The body of an error names what went wrong ("permission denied"); it never holds the token.
    const body = (await res.json().catch(() => undefined)) as (VaultAnswer & { errors?: string[] }) | undefined;
    if (!res.ok) {
      throw new CredchainError({ code: "CredentialRetrieval", message: `vault at ${url} answered ${res.status}: ${body?.errors?.join("; ") ?? "no details"}`, status: res.status });
    }
    const data = body?.data;
    if (!data?.access_key || !data.secret_key || typeof body?.lease_duration !== "number") {
      throw new CredchainError({ code: "CredentialRetrieval", message: `vault at ${url} answered without access_key, secret_key and lease_duration` });
    }
    return createCredentials({
      accessKeyId: data.access_key,
      secretAccessKey: data.secret_key,
      sessionToken: data.security_token ?? undefined,
      expiration: new Date(Date.now() + body.lease_duration * 1000),
      source: "explicit",
    });
  };
}
