import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface VaultServer {
  /** `http://127.0.0.1:<port>`: the VAULT_ADDR value. */
  url: string;
  /** The token it accepts (VAULT_TOKEN). */
  token: string;
  /** Leases handed out so far. */
  readonly leases: number;
  close(): Promise<void>;
}

/**
 * A stand-in for Vault's AWS secrets engine on loopback: `GET /v1/aws/creds/<role>` with the
 * right `X-Vault-Token` leases deterministic example credentials for an hour; a wrong token gets
 * `403 {"errors":["permission denied"]}`, as Vault answers.
 *
 * @example
 * ```ts
 * const vault = await startVaultServer({ token: "example-vault-token" });
 * const env = { VAULT_ADDR: vault.url, VAULT_TOKEN: vault.token };
 * await vault.close();
 * ```
 */
export async function startVaultServer(options: { token: string; leaseSeconds?: number }): Promise<VaultServer> {
  let leases = 0;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const m = /^\/v1\/aws\/creds\/([^/?]+)$/.exec(req.url ?? "");
    if (req.method !== "GET" || !m) return send(404, { errors: [] });
    if (req.headers["x-vault-token"] !== options.token) return send(403, { errors: ["permission denied"] });
    const n = String(++leases).padStart(8, "0");
    send(200, {
      request_id: `00000000-0000-0000-0000-${n.padStart(12, "0")}`,
      lease_id: `aws/creds/${m[1]}/lease${n}`,
      renewable: true,
      lease_duration: options.leaseSeconds ?? 3600,
      data: { access_key: `ASIAVAULTEXAMPLE${n.slice(-4)}`, secret_key: `vault-example-secret/${n}`, security_token: `vault-example-token/${n}` },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token: options.token,
    get leases() {
      return leases;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
