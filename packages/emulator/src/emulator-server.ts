import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { Socket } from "node:net";
import { FaultTable, type Fault, type FaultOptions } from "./faults.js";

/** Options shared by every emulated endpoint. */
export interface EmulatorOptions {
  /** Address to listen on. Default: `127.0.0.1`. */
  host?: string;
  /** Port; 0 picks a free one. Default: `0`. */
  port?: number;
  /** Clock in ms since the epoch, for token expiry, `Expiration` and `LastUpdated`. Default: `Date.now`. */
  now?: () => number;
  /** Lifetime of issued credentials. Default: 21600 (6 hours, as IMDS and ECS). */
  credentialLifetimeSeconds?: number;
  /** Account of the issued credentials; `null` leaves `AccountId` out. Default: `123456789012`. */
  accountId?: string | null;
  /** Called when a request has been answered or reset (never for a hang), e.g. to log it. */
  onRequest?: (record: RequestRecord) => void;
  /**
   * Serve HTTPS with this key and certificate (PEM) instead of plain HTTP; `url` then starts with
   * `https://`. Clients must trust the certificate (a transport's `ca`, NODE_EXTRA_CA_CERTS,
   * AWS_CA_BUNDLE for botocore). Default: plain HTTP.
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

/** One request as the emulator saw it. Token and Authorization values are redacted. */
export interface RequestRecord {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string with its `?`, or `""`. */
  query: string;
  /** Lower-cased names; `x-aws-ec2-metadata-token`, `authorization` and `x-amz-security-token` values read `[redacted]`. */
  headers: Record<string, string>;
  /** The emulator clock (`now()`) when the request arrived, in ms since the epoch. */
  time: number;
  /** The status sent; undefined for a hang or reset, or while a delayed answer is pending. */
  status?: number;
  /** The fault applied, if any (a number for a status fault). */
  fault?: string | number;
}

/** What every emulated endpoint returns: where it listens, faults, the request log, close. */
export interface EmulatorHandle {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`), no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, oldest first (a live array). */
  readonly requests: RequestRecord[];
  /**
   * Makes `route` misbehave: an exact path, a prefix ending in `*`, or `"*"` for every request.
   * The first matching fault, in the order added, applies.
   */
  fault(route: string, fault: Fault, options?: FaultOptions): void;
  /** Removes every fault. */
  clearFaults(): void;
  /** Stops listening and destroys open connections (hanging ones too), so the process can exit. */
  close(): Promise<void>;
}

export interface HandlerRequest {
  method: string;
  path: string;
  query: string;
  /** Lower-cased names, raw values. */
  headers: Record<string, string>;
  /** The request body as UTF-8 text (`""` when there is none). */
  body: string;
}

export interface HandlerResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** What a service module does per request; `expiredCredentials` asks for a past Expiration. */
export type Handler = (request: HandlerRequest, flags: { expiredCredentials: boolean }) => HandlerResponse;

export interface ServerOptions {
  host: string;
  port: number;
  now: () => number;
  handler: Handler;
  onRequest?: ((record: RequestRecord) => void) | undefined;
  /**
   * The key faults are matched against. Default: the path. A Query API (STS) routes by its
   * `Action`, which lives in the body.
   */
  faultRoute?: ((request: HandlerRequest) => string) | undefined;
  tls?: EmulatorOptions["tls"];
}

const REDACTED_HEADERS = new Set(["x-aws-ec2-metadata-token", "authorization", "x-amz-security-token"]);

/** The HTTP plumbing shared by every emulated service. */
export async function startEmulatorServer(options: ServerOptions): Promise<EmulatorHandle> {
  const faults = new FaultTable();
  const requests: RequestRecord[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | undefined;

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? "/", "http://emulator");
    const headers = flatHeaders(req);
    const record: RequestRecord = {
      method: req.method ?? "GET",
      path: target.pathname,
      query: target.search,
      headers: redact(headers),
      time: options.now(),
    };
    requests.push(record);
    // Bodies are small (form posts at most); read them whole before routing.
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => respond(req, res, record, headers, Buffer.concat(chunks).toString("utf8")));
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);

  const respond = (req: IncomingMessage, res: ServerResponse, record: RequestRecord, headers: Record<string, string>, body: string) => {
    const request: HandlerRequest = { method: record.method, path: record.path, query: record.query, headers, body };
    const fault = faults.take(options.faultRoute ? options.faultRoute(request) : record.path);
    if (fault !== undefined) record.fault = typeof fault === "object" ? ("status" in fault ? fault.status : "delay") : fault;

    const answer = () => {
      let response: HandlerResponse;
      try {
        response = options.handler(request, { expiredCredentials: fault === "expired-credentials" });
      } catch (error) {
        response = { status: 500, body: `emulator error: ${(error as Error).message}` };
      }
      if (response.status === 200) {
        if (fault === "malformed-json") response = { ...response, body: "<html>not json{" };
        if (fault === "truncated-json") response = { ...response, body: response.body.slice(0, Math.floor(response.body.length / 2)) };
        if (fault === "empty-body") response = { ...response, body: "" };
      }
      send(res, record, response);
      options.onRequest?.(record);
    };

    if (fault === "hang") return;
    if (fault === "reset") {
      const socket = req.socket;
      if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
      else socket.destroy();
      options.onRequest?.(record);
      return;
    }
    if (typeof fault === "number" || (typeof fault === "object" && "status" in fault)) {
      const f = typeof fault === "number" ? { status: fault } : fault;
      send(res, record, { status: f.status, body: f.body ?? defaultBody(f.status), ...(f.headers && { headers: f.headers }) });
      options.onRequest?.(record);
      return;
    }
    if (typeof fault === "object" && "delayMs" in fault) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, fault.delayMs);
      timers.add(timer);
      return;
    }
    answer();
  };

  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;

  return {
    url: `${options.tls ? "https" : "http"}://${host}:${port}`,
    port,
    requests,
    fault: (route, fault, faultOptions) => faults.add(route, fault, faultOptions),
    clearFaults: () => faults.clear(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function send(res: ServerResponse, record: RequestRecord, response: HandlerResponse): void {
  record.status = response.status;
  res.writeHead(response.status, {
    "content-type": "text/plain",
    ...response.headers,
    "content-length": Buffer.byteLength(response.body),
  });
  res.end(response.body);
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function redact(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = REDACTED_HEADERS.has(name) ? "[redacted]" : value;
  return out;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

export function defaultBody(status: number): string {
  return STATUS_TEXT[status] ?? `Status ${status}`;
}

/** A request's body as a JSON object, or undefined when it is not one (the caller answers 400). */
export function jsonObjectBody(request: HandlerRequest): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(request.body);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
