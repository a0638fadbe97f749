import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

export interface TestServer {
  url: string;
  port: number;
  /** TCP connections accepted so far. */
  connections: number;
  /** Requests served so far. */
  requests: number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server, sockets: Set<Socket>) {
  return () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
}

/** An origin server on 127.0.0.1 that counts connections and requests. */
export async function startOrigin(): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state = { connections: 0, requests: 0 };
  const server = createServer((req, res) => {
    state.requests++;
    if (req.url === "/hang") return;
    if (req.url === "/big") return res.end("x".repeat(4096));
    if (req.url === "/redirect") return res.writeHead(302, { location: "/elsewhere" }).end();
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("X-Echo-Method", req.method ?? "");
      res.setHeader("X-Multi", ["a", "b"]);
      res.statusCode = 201;
      res.end(JSON.stringify({ body, host: req.headers.host, token: req.headers["x-token"] }));
    });
  });
  server.on("connection", (s) => {
    state.connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const port = await listen(server);
  return Object.assign(state, { port, url: `http://127.0.0.1:${port}`, close: closer(server, sockets) });
}

export interface TestProxy extends TestServer {
  /** Every request the proxy saw: `CONNECT host:port` or `GET http://…`. */
  log: string[];
}

/**
 * A forward proxy on 127.0.0.1 handling CONNECT and absolute-URI requests. It resolves names
 * under `.example.test` (and 127.0.0.1) to 127.0.0.1 itself and refuses anything else, so no
 * request ever leaves the machine.
 */
export async function startForwardProxy(): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const log: string[] = [];
  const state = { connections: 0, requests: 0 };
  const resolve = (host: string) => (host === "127.0.0.1" || host.endsWith(".example.test") ? "127.0.0.1" : undefined);
  const server = createServer((req: IncomingMessage, res) => {
    state.requests++;
    log.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "");
    const address = resolve(target.hostname);
    if (!address) return res.writeHead(502).end();
    const upstream = httpRequest(
      { host: address, port: target.port, method: req.method, path: target.pathname + target.search, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    state.requests++;
    log.push(`CONNECT ${req.url}`);
    const [host = "", port = "443"] = (req.url ?? "").split(/:(?=\d+$)/);
    const address = resolve(host);
    if (!address) return socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    const upstream = connect(Number(port), address, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
    sockets.add(upstream);
  });
  server.on("connection", (s) => {
    state.connections++;
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  const port = await listen(server);
  return Object.assign(state, { log, port, url: `http://127.0.0.1:${port}`, close: closer(server, sockets) });
}
