import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { directTransport } from "../src/direct-transport.js";
import { keepAlivePool } from "../src/keep-alive-pool.js";

/** A bare HTTP/1.1 server: each request answered with `answer(n)` (n counts requests on that connection). */
async function rawServer(answer: (nth: number) => string | "reset-after") {
  const sockets = new Set<Socket>();
  const closedAt: number[] = [];
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => (sockets.delete(socket), closedAt.push(Date.now())));
    socket.on("error", () => {});
    let nth = 0;
    socket.on("data", (d) => {
      for (let i = d.toString().split("\r\n\r\n").length - 1; i > 0; i--) {
        const reply = answer(++nth);
        if (reply === "reset-after") {
          socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
          // Dropped while the client holds it idle.
          setTimeout(() => socket.resetAndDestroy(), 50);
        } else socket.write(reply);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    closedAt,
    connections: () => connections,
    close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  };
}

const ok = (headers = "") => `HTTP/1.1 200 OK\r\nContent-Length: 2\r\n${headers}\r\nok`;
let servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
const serve = async (answer: Parameters<typeof rawServer>[0]) => {
  const s = await rawServer(answer);
  servers.push(s);
  return s;
};

describe(keepAlivePool.name, () => {
  // Each test its own pool (through `lookup`, which keys the pool), so no socket carries over.
  const transport = () => directTransport({ lookup: (host, options, cb) => void import("node:dns").then((dns) => dns.lookup(host, options, cb)) });

  it("gives concurrent requests a connection each, then reuses them", async () => {
    const s = await serve(() => ok());
    const t = transport();
    await Promise.all([1, 2, 3].map(() => t({ method: "GET", url: `${s.url}/a` })));
    expect(s.connections()).toBe(3);
    for (let i = 0; i < 5; i++) await t({ method: "GET", url: `${s.url}/b` });
    await Promise.all([1, 2, 3].map(() => t({ method: "GET", url: `${s.url}/c` })));
    expect(s.connections()).toBe(3);
  });

  it("does not reuse a connection answered with Connection: close, nor one the server keeps a second or less", async () => {
    for (const headers of ["Connection: close\r\n", "Keep-Alive: timeout=1\r\n", "keep-alive: timeout=0\r\n"]) {
      const s = await serve(() => ok(headers));
      const t = transport();
      for (let i = 0; i < 3; i++) expect((await t({ method: "GET", url: `${s.url}/x` })).body).toBe("ok");
      expect(s.connections()).toBe(3);
    }
  });

  it("closes an idle connection a second before the server's Keep-Alive timeout", async () => {
    const s = await serve(() => ok("Keep-Alive: timeout=2\r\n"));
    const t = transport();
    await t({ method: "GET", url: `${s.url}/x` });
    const idleFrom = Date.now();
    await new Promise((r) => setTimeout(r, 1600));
    expect(s.closedAt).toHaveLength(1);
    expect(s.closedAt[0]! - idleFrom).toBeGreaterThanOrEqual(900);
    await t({ method: "GET", url: `${s.url}/y` });
    expect(s.connections()).toBe(2);
  });

  it("drops a connection the server resets while it is idle, quietly, and opens a new one", async () => {
    const s = await serve(() => "reset-after");
    const t = transport();
    await t({ method: "GET", url: `${s.url}/x` });
    // The reset reaches the idle socket: no unhandled error, and the socket leaves the pool.
    await new Promise((r) => setTimeout(r, 200));
    expect((await t({ method: "GET", url: `${s.url}/y` })).body).toBe("ok");
    expect(s.connections()).toBe(2);
  });
});
