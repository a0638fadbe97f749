import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { CredentialProvider } from "@credchain/core";
import { errorBody } from "./failure.js";
import { isoSeconds } from "./format-export.js";

export interface CredentialsServer {
  /** The AWS_CONTAINER_CREDENTIALS_FULL_URI to give clients. */
  url: string;
  /** The AWS_CONTAINER_AUTHORIZATION_TOKEN to give clients. */
  token: string;
  close(): Promise<void>;
}

// The container protocol requires an expiry; keys that never expire are re-served hourly.
const STATIC_LIFETIME_MS = 3600_000;

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves credentials over the ECS container-credentials protocol on 127.0.0.1, behind a random
 * Authorization token: any AWS SDK or CLI pointed at it with AWS_CONTAINER_CREDENTIALS_FULL_URI
 * gets refreshed credentials from `provider` without long-term keys in its environment.
 */
export async function startCredentialsServer(provider: CredentialProvider, port = 0): Promise<CredentialsServer> {
  const token = randomBytes(32).toString("hex");
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return send(405, { code: "MethodNotAllowed", message: "GET only" });
    if (!sameToken(req.headers.authorization, token)) return send(401, { code: "Unauthorized", message: "missing or wrong Authorization token" });
    provider().then(
      (c) =>
        send(200, {
          AccessKeyId: c.accessKeyId,
          SecretAccessKey: c.secretAccessKey,
          Token: c.sessionToken ?? "",
          Expiration: isoSeconds(c.expiration ?? new Date(Date.now() + STATIC_LIFETIME_MS)),
          ...(c.accountId !== undefined && { AccountId: c.accountId }),
        }),
      (error: unknown) => send(500, errorBody(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
