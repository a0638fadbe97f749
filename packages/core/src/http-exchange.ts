// The node:http machinery under directTransport and httpTransport: one request and its answer,
// with the whole-exchange timeout, the caller's signal, the body cap and one retry on a stale
// keep-alive socket. node:http and node:https load on first use: a resolution from env needs neither.
// Every per-request cost here is measured against the AWS SDK's (tooling/bench, BENCHMARKS.md).
import type { Agent, ClientRequest } from "node:http";
import type { LookupFunction } from "node:net";
import { keepAlivePool } from "./keep-alive-pool.js";
import { TransportError, transportError, type HttpRequest, type HttpResponse } from "./transport.js";

type Http = typeof import("node:https");

const modules: Http[] = [];
const agents: Agent[] = [];

/** node:http, or node:https with `tls`, loaded on first use (and kept: each lookup costs ~1.5 µs). */
export const nodeHttp = (tls?: boolean): Http => (modules[+!!tls] ??= process.getBuiltinModule(tls ? "node:https" : "node:http") as Http);

const pools = new WeakMap<LookupFunction, Agent>();

/**
 * The process's keep-alive agent for http: or https:, shared by every transport and made on first
 * use: for http: a {@link keepAlivePool} (one per `lookup`, whose sockets resolve through it), for
 * https: Node's agent (it reuses TLS sessions). Both unref idle sockets (they never keep a process
 * alive) and close them after 4 s idle, or sooner when the server's Keep-Alive header says so.
 */
export function keepAliveAgent(tls: boolean, lookup?: LookupFunction): Agent {
  if (tls) return (agents[1] ??= new (nodeHttp(true).Agent)({ keepAlive: true, timeout: 4000 }));
  if (!lookup) return (agents[0] ??= keepAlivePool());
  let pool = pools.get(lookup);
  if (!pool) pools.set(lookup, (pool = keepAlivePool(lookup)));
  return pool;
}

// One unref'd timer for every exchange's deadline: a timer per request (set, then cleared) costs
// a loopback request ~5 µs, most of an IMDS resolution's margin over the SDK. Unref'd: a request
// in flight keeps the process alive through its socket, and nothing else should.
const deadlines = new Map<() => void, number>();
let alarm: ReturnType<typeof setTimeout> | undefined;
let alarmAt = Infinity;

function ring(): void {
  const now = Date.now();
  let next = Infinity;
  for (const [halt, at] of deadlines) if (at > now) next = Math.min(next, at);
  else {
    deadlines.delete(halt);
    halt();
  }
  alarmAt = Infinity;
  if (next < Infinity) watch(undefined, next);
}

function watch(halt: (() => void) | undefined, at: number): void {
  if (halt) deadlines.set(halt, at);
  if (at < alarmAt) {
    clearTimeout(alarm);
    alarm = setTimeout(ring, at - Date.now()).unref();
    alarmAt = at;
  }
}

/**
 * Registers what stops the current step when the exchange ends early (its timeout, the caller's
 * signal); runs it at once if it already has. A callback, not an AbortSignal: making one costs
 * Node 20 more than a loopback request's own work.
 */
export type OnStop = (stop: () => void) => void;

/** Starts the request (the body not yet sent); may first wait, e.g. for a proxy tunnel. */
export type OpenRequest = (onStop: OnStop) => ClientRequest | Promise<ClientRequest>;

/** One exchange: `open` makes the request, this sends the body and reads the answer. */
export async function exchange(request: HttpRequest, maxBodyBytes = 1 << 20, open: OpenRequest): Promise<HttpResponse> {
  const { signal, timeoutMs } = request;
  let stopped = false;
  let stop = () => {};
  const onStop: OnStop = (fn) => (stopped ? fn() : (stop = fn));
  const halt = () => {
    stopped = true;
    stop();
  };
  if (timeoutMs !== undefined) watch(halt, Date.now() + timeoutMs);
  signal?.addEventListener("abort", halt);
  try {
    signal?.throwIfAborted();
    for (let retried = false; ; retried = true) {
      try {
        const req = open(onStop);
        return await send("then" in req ? await req : req, request, maxBodyBytes, onStop);
      } catch (e) {
        // A keep-alive socket the server closed while it sat idle fails before any answer: once more on a new one.
        if (retried || stopped || !(e as Stale).stale) throw e;
      }
    }
  } catch (e) {
    throw transportError((e as Stale | undefined)?.stale ?? e, request, stopped);
  } finally {
    deadlines.delete(halt);
    signal?.removeEventListener("abort", halt);
  }
}

type Stale = { stale?: unknown };

function send(req: ClientRequest, { url, body }: HttpRequest, max: number, onStop: OnStop): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const fail = (e?: unknown) => {
      req.destroy();
      reject(e);
    };
    // Stopped by the exchange's timeout or the caller's signal: exchange classifies it.
    onStop(fail);
    req.on("error", (e) => reject(req.reusedSocket && !answered ? { stale: e } : e));
    req.on("response", (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if ((size += chunk.length) > max) fail(new TransportError("too-large", url, `response from ${url} is over ${max} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        let headers: Record<string, string> | undefined;
        resolve({
          status: res.statusCode!,
          // Made when first read: most answers are judged by status and body alone (node:http too
          // builds its header object on demand). Node joins repeated headers, but for Set-Cookie.
          get headers() {
            if (!headers) {
              const cookies = (headers = res.headers as Record<string, string>)["set-cookie"] as unknown as string[] | undefined;
              if (cookies) headers["set-cookie"] = cookies.join(", ");
            }
            return headers;
          },
          body: Buffer.concat(chunks).toString(),
        });
      });
    });
    req.end(body);
  });
}
