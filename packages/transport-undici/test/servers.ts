// The origin the undici transport tests talk to; the proxy is @credchain/emulator's startProxy.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";

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
    if (req.url === "/reset") return req.socket.destroy();
    if (req.url === "/drip") {
      res.writeHead(200);
      const timer = setInterval(() => res.write("x"), 20);
      return res.on("close", () => clearInterval(timer));
    }
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
