import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";

export interface ProxyOptions {
  /** Address to listen on. Default: `127.0.0.1`. */
  host?: string;
  /** Port; 0 picks a free one. Default: `0`. */
  port?: number;
  /**
   * Where a requested host name goes, or `undefined` to refuse it (502). Default: `127.0.0.1` for
   * `127.0.0.1`, `localhost` and names under `.example.test`, nothing else: no request through
   * the proxy ever leaves the machine.
   */
  resolve?: (host: string) => string | undefined;
  /** Demand `Proxy-Authorization: Basic` with these (else 407), as a corporate proxy does. Default: none. */
  credentials?: { username: string; password: string };
}

/** One request the proxy received. */
export interface ProxyRecord {
  /** `CONNECT host:port` (HTTPS, tunnelled) or `GET http://host:port/path` (plain HTTP, absolute form). */
  line: string;
  /** The Proxy-Authorization header as sent, if any (a test's own credentials: not redacted). */
  proxyAuthorization?: string | undefined;
  /** What the proxy answered: 200 for an open tunnel, the upstream's status, or its own 407 / 502. */
  status?: number;
}

/** A running forward proxy. */
export interface ProxyEmulator {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY / HTTP_PROXY. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, oldest first (a live array). */
  readonly requests: ProxyRecord[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** Stops listening and ends every connection and tunnel. */
  close(): Promise<void>;
}

const exampleTest = (host: string) => (host === "127.0.0.1" || host === "localhost" || host.endsWith(".example.test") ? "127.0.0.1" : undefined);

/**
 * Starts a forward proxy on loopback, as corporate networks run them: `CONNECT host:port` opens a
 * tunnel (HTTPS), an absolute-form request (`GET http://host/path`) is forwarded (plain HTTP),
 * Proxy-Authorization is checked when `credentials` are set and never forwarded. It resolves host
 * names itself (`resolve`), so a test can address `sts.example.test` and know that only the proxy
 * can reach it, and that nothing leaves the machine.
 *
 * @example
 * ```ts
 * const proxy = await startProxy();
 * // env: { HTTPS_PROXY: proxy.url, AWS_ENDPOINT_URL_STS: `https://sts.example.test:${sts.port}` }
 * proxy.requests; // [{ line: "CONNECT sts.example.test:41234", status: 200 }]
 * await proxy.close();
 * ```
 */
export async function startProxy(options: ProxyOptions = {}): Promise<ProxyEmulator> {
  const resolve = options.resolve ?? exampleTest;
  const requests: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const expected = options.credentials && `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString("base64")}`;

  const admit = (req: IncomingMessage, line: string): ProxyRecord => {
    const record: ProxyRecord = { line, proxyAuthorization: req.headers["proxy-authorization"] };
    requests.push(record);
    if (expected && record.proxyAuthorization !== expected) record.status = 407;
    return record;
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const server = createServer((req, res) => {
    const record = admit(req, `${req.method} ${req.url}`);
    const reply = (status: number) => {
      record.status = status;
      res.writeHead(status, status === 407 ? { "proxy-authenticate": 'Basic realm="credchain-emulator"' } : {}).end();
    };
    if (record.status === 407) return reply(407);
    let target: URL;
    try {
      target = new URL(req.url ?? "");
    } catch {
      return reply(400);
    }
    const address = resolve(target.hostname);
    if (!address || target.protocol !== "http:") return reply(502);
    const { "proxy-authorization": _, "proxy-connection": __, ...headers } = req.headers;
    const upstream = httpRequest({ host: address, port: target.port || 80, method: req.method, path: target.pathname + target.search, headers }, (up) => {
      record.status = up.statusCode ?? 502;
      res.writeHead(record.status, up.headers);
      up.pipe(res);
    });
    upstream.on("error", () => (res.headersSent ? res.destroy() : reply(502)));
    req.pipe(upstream);
  });

  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) => {
    track(socket);
    const record = admit(req, `CONNECT ${req.url}`);
    const refuse = (status: number, text: string) => {
      record.status = status;
      socket.end(`HTTP/1.1 ${status} ${text}\r\n${status === 407 ? 'Proxy-Authenticate: Basic realm="credchain-emulator"\r\n' : ""}Content-Length: 0\r\n\r\n`);
    };
    if (record.status === 407) return refuse(407, "Proxy Authentication Required");
    const [, host = "", port = "443"] = /^(.*):(\d+)$/.exec(req.url ?? "") ?? [];
    const address = resolve(host.replace(/^\[|\]$/g, ""));
    if (!address) return refuse(502, "Bad Gateway");
    const upstream = connect(Number(port), address, () => {
      record.status = 200;
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    track(upstream);
    upstream.on("error", () => (record.status === 200 ? socket.destroy() : refuse(502, "Bad Gateway")));
    socket.on("close", () => upstream.destroy());
  });
  server.on("connection", (socket: Socket) => {
    connections++;
    track(socket);
  });

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${/:/.test(options.host ?? "") ? `[${options.host}]` : (options.host ?? "127.0.0.1")}:${port}`,
    port,
    requests,
    get connections() {
      return connections;
    },
    close() {
      closing ??= new Promise<void>((done) => {
        server.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
