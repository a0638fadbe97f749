import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { CredentialProvider, Credentials } from "@credchain/core";
import { errorBody } from "./failure.js";
import { isoSeconds } from "./format-export.js";

export interface CredentialsServer {
  /** The AWS_CONTAINER_CREDENTIALS_FULL_URI to give clients. */
  url: string;
  /** The AWS_CONTAINER_AUTHORIZATION_TOKEN to give clients. */
  token: string;
  close(): Promise<void>;
}

// A session whose source gave no expiry (AWS_SESSION_TOKEN without AWS_CREDENTIAL_EXPIRATION):
// clients need an Expiration, and come back for the chain's current answer by then.
const RECHECK_SESSION_MS = 3600_000;
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i;

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a request's Host names this server: a loopback name and the bound port. A web page
 * that rebinds its own name to 127.0.0.1 still sends its own name, and is refused.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  const m = host === undefined ? null : LOOPBACK_HOST.exec(host);
  if (!m) return false;
  return m[2] === undefined ? port === 80 : Number(m[2]) === port;
}

/**
 * The container-protocol document. Expiration is the credentials' own; long-term keys (no session
 * token) get none, never a made-up one; a session of unknown expiry gets a re-check time.
 */
export function containerDocument(c: Credentials, now = Date.now()): Record<string, string> {
  const longTerm = c.sessionToken === undefined;
  const expiration = c.expiration ?? (longTerm ? undefined : new Date(now + RECHECK_SESSION_MS));
  return {
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    Token: c.sessionToken ?? "",
    ...(expiration !== undefined && { Expiration: isoSeconds(expiration) }),
    ...(c.accountId !== undefined && { AccountId: c.accountId }),
  };
}

/**
 * Serves credentials over the ECS container-credentials protocol on 127.0.0.1, behind a random
 * Authorization token, to requests whose Host is a loopback name with the bound port: any AWS SDK
 * or CLI pointed at it with AWS_CONTAINER_CREDENTIALS_FULL_URI gets `provider`'s credentials.
 */
export async function startCredentialsServer(provider: CredentialProvider, port = 0): Promise<CredentialsServer> {
  const token = randomBytes(32).toString("hex");
  let bound = port;
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    // Before anything else: a browser page reaching us through DNS rebinding learns nothing, not even whether its token was right.
    if (!isOwnHost(req.headers.host, bound)) {
      return send(421, { code: "MisdirectedRequest", message: `this server answers only to Host 127.0.0.1:${bound}, localhost:${bound} or [::1]:${bound}` });
    }
    if (req.method !== "GET") return send(405, { code: "MethodNotAllowed", message: "GET only" });
    if (!sameToken(req.headers.authorization, token)) return send(401, { code: "Unauthorized", message: "missing or wrong Authorization token" });
    provider().then(
      (c) => send(200, containerDocument(c)),
      (error: unknown) => send(500, errorBody(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  bound = typeof address === "object" && address ? address.port : port;
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
