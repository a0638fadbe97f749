// Real servers on 127.0.0.1 for the transport tests: an origin with misbehaving routes, a forward
// proxy (CONNECT and absolute form), and a self-signed certificate. core cannot use
// @credchain/emulator (which depends on core); the emulator's startProxy is the full one.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { connect, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Running {
  url: string;
  port: number;
  /** TCP connections accepted. */
  connections: number;
  /** `METHOD path` (origin) or the request line (proxy), oldest first. */
  log: string[];
  close(): Promise<void>;
}

async function listen(server: Server, scheme: string, extra: object = {}): Promise<Running> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, log: [] as string[] };
  server.on(scheme === "https" ? "secureConnection" : "connection", (s: Socket) => {
    state.connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, extra, {
    port,
    url: `${scheme}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  });
}

/**
 * An origin: `/hang` never answers, `/drip` sends a byte every 20 ms forever, `/big` is 4 KiB,
 * `/reset` destroys the connection, `/redirect` answers 302, `/stale` destroys a connection that
 * served a request before (a kept-alive socket the server dropped), anything else echoes
 * `{ method, url, body, headers, port }` (the client's port) as JSON with status 201.
 */
export async function startOrigin(tls?: { key: string; cert: string }): Promise<Running> {
  const served = new WeakMap<Socket, number>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    running.log.push(`${req.method} ${req.url}`);
    const nth = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, nth);
    if (req.url === "/hang") return;
    if (req.url === "/drip") {
      res.writeHead(200);
      const timer = setInterval(() => res.write("x"), 20);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (req.url === "/big") return res.end("x".repeat(4096));
    if (req.url === "/reset" || (req.url === "/stale" && nth > 1)) return req.socket.destroy();
    if (req.url === "/redirect") return res.writeHead(302, { location: "/elsewhere" }).end();
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      res.writeHead(201, { "x-echo-method": req.method ?? "", "set-cookie": ["a=1", "b=2"] });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, headers: req.headers, port: req.socket.remotePort }));
    });
  };
  const server = tls ? createTlsServer(tls, handler) : createServer(handler);
  const running = await listen(server, tls ? "https" : "http");
  return running;
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const origin = await startOrigin();
  await origin.close();
  return origin.port;
}

export interface TestProxy extends Running {
  /** Proxy-Authorization of each request, in order. */
  authorizations: (string | undefined)[];
}

/**
 * A forward proxy: CONNECT tunnels and absolute-form requests, resolving `*.example.test` (and
 * 127.0.0.1) to 127.0.0.1 itself and refusing anything else (502); with `credentials`, 407
 * without the matching Proxy-Authorization.
 */
export async function startTestProxy(credentials?: string): Promise<TestProxy> {
  const expected = credentials && `Basic ${Buffer.from(credentials).toString("base64")}`;
  const authorizations: (string | undefined)[] = [];
  const resolve = (host: string) => (host === "127.0.0.1" || host.endsWith(".example.test") ? "127.0.0.1" : undefined);
  const admit = (req: IncomingMessage, line: string) => {
    proxy.log.push(line);
    authorizations.push(req.headers["proxy-authorization"]);
    return !expected || req.headers["proxy-authorization"] === expected;
  };
  const server = createServer((req, res) => {
    if (!admit(req, `${req.method} ${req.url}`)) return res.writeHead(407).end();
    const target = new URL(req.url ?? "");
    const address = resolve(target.hostname);
    if (!address) return res.writeHead(502).end();
    const { "proxy-authorization": _, ...headers } = req.headers;
    const upstream = request({ host: address, port: target.port, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (!admit(req, `CONNECT ${req.url}`)) return socket.end("HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n");
    const [, host = "", port = "443"] = /^(.*):(\d+)$/.exec(req.url ?? "") ?? [];
    const address = resolve(host);
    if (!address) return socket.end("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
    const upstream = connect(Number(port), address, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("close", () => upstream.destroy());
  });
  const proxy = (await listen(server, "http", { authorizations })) as TestProxy;
  return proxy;
}

/** A self-signed certificate for `sts.example.test`, `localhost` and 127.0.0.1, made with openssl. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "credchain-cert-"));
  try {
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=credchain-test",
      "-addext", "subjectAltName=DNS:sts.example.test,DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
    return { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A `lookup` that sends `*.example.test` to 127.0.0.1 (and nothing to DNS), for a direct request to a proxied-looking host. */
export const exampleTestLookup = ((hostname: string, options: unknown, callback: (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void) => {
  if (!hostname.endsWith(".example.test")) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 4);
  if ((options as { all?: boolean })?.all) return callback(null, [{ address: "127.0.0.1", family: 4 }]);
  callback(null, "127.0.0.1", 4);
}) as never;
