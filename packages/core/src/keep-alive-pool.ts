// A keep-alive pool for plain http: requests, in place of node:http's Agent. Node's Agent spends
// ~20 µs of a loopback request on bookkeeping a few credential requests never need (the options
// copied twice, a TLS server name worked out for plain http, async-hooks ids reset, the timeout
// re-armed per request): a third of an IMDS resolution's own work. This is what is left of its
// job: hand a request an idle socket or a new one, take the socket back when the response ended
// cleanly, and close it after a while idle. https: keeps Node's Agent (TLS session reuse).
import type { Agent, ClientRequest } from "node:http";
import type { LookupFunction, Socket } from "node:net";

/** How long an idle socket is kept: Node's agent default, as botocore's urllib3 pools keep theirs. */
const IDLE_MS = 4000;
/** Node's agent's maxFreeSockets: more idle sockets to one place than that are closed. */
const MAX_IDLE = 256;

type Parked = Socket & { _httpMessage?: (ClientRequest & { res?: { rawHeaders: string[] } }) | null };

/**
 * An Agent-like object for node:http's `agent` option (it needs `addRequest`, `keepAlive`,
 * `protocol`, `defaultPort`, `options`): one list of idle sockets per host and port, reused
 * last-in first-out as Node's agent does, each unref'd while idle (never keeping the process
 * alive) and closed after 4 s idle, or sooner when the server's `Keep-Alive: timeout=N` says so. A
 * request on a reused socket has `reusedSocket` set, so a caller can retry once on a fresh socket
 * when the server closed it while idle. `lookup` resolves host names for new sockets.
 *
 * @example
 * ```ts
 * import { request } from "node:http";
 * request({ host: "169.254.169.254", path: "/latest/api/token", method: "PUT", agent: keepAlivePool() });
 * ```
 */
export function keepAlivePool(lookup?: LookupFunction): Agent {
  const idle: Record<string, Parked[]> = {};
  const pool = {
    keepAlive: true,
    protocol: "http:",
    defaultPort: 80,
    options: {},
    addRequest(req: ClientRequest & { reusedSocket: boolean }, { host, port }: { host: string; port: number }) {
      const list = (idle[`${host}:${port}`] ??= []);
      let socket: Parked | undefined;
      while ((socket = list.pop()) && socket.destroyed);
      if (socket) {
        socket.ref();
        req.reusedSocket = true;
      } else socket = connect(list, host, port);
      req.onSocket(socket);
    },
  };

  function connect(list: Parked[], host: string, port: number): Parked {
    // The timeout set once: the socket's timer restarts with every read and write, so it fires only
    // after that long with nothing on the wire; a socket in use is left to its exchange's deadline.
    const socket: Parked = process.getBuiltinModule("node:net").connect({ host, port, lookup: lookup!, noDelay: true }).setTimeout(IDLE_MS);
    const parked = () => list.indexOf(socket);
    socket.on("timeout", () => parked() < 0 || socket.destroy());
    // An error while idle (the server reset it) must not go unhandled; in use, the request has its own listener.
    socket.on("error", () => socket.destroy());
    socket.on("close", () => parked() < 0 || list.splice(parked(), 1));
    // node:http emits "free" when a response ended and the connection may be reused.
    socket.on("free", () => {
      const req = socket._httpMessage;
      const seconds = keepAliveSeconds(req?.res?.rawHeaders);
      // A server that closes idle connections within a second of its answer: reuse would race it (Node's rule).
      if (!req?.shouldKeepAlive || seconds <= 1 || list.length >= MAX_IDLE) return socket.destroy();
      const idleMs = Math.min(IDLE_MS, seconds * 1000 - 1000);
      if (socket.timeout != idleMs) socket.setTimeout(idleMs);
      socket._httpMessage = null;
      list.push(socket.unref());
    });
    return socket;
  }

  return pool as unknown as Agent;
}

/** The `timeout=N` of a Keep-Alive header, from the raw list (node:http builds its header object only when asked); Infinity without one. */
function keepAliveSeconds(raw: string[] = []): number {
  for (let i = 0; i < raw.length; i += 2) {
    const m = /^keep-alive$/i.test(raw[i]!) && /^timeout=(\d+)/.exec(raw[i + 1]!);
    if (m) return +m[1]!;
  }
  return Infinity;
}
