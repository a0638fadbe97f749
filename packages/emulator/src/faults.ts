/**
 * What can go wrong on a route. A number is shorthand for `{ status }`.
 *
 * - `{ status, body?, headers? }`: answer with this status (and body) instead.
 * - `{ delayMs }`: wait, then answer normally.
 * - `"hang"`: never answer (the connection stays open until the client gives up or `close()`).
 * - `"reset"`: destroy the connection with a TCP reset before answering.
 * - `"malformed-json"`: a 200 whose body is not JSON.
 * - `"truncated-json"`: a 200 with the first half of the normal body.
 * - `"empty-body"`: a 200 with an empty body.
 * - `"expired-credentials"`: the normal answer, with an `Expiration` one minute in the past.
 */
export type Fault =
  | number
  | { status: number; body?: string; headers?: Record<string, string> }
  | { delayMs: number }
  | "hang"
  | "reset"
  | "malformed-json"
  | "truncated-json"
  | "empty-body"
  | "expired-credentials";

export interface FaultOptions {
  /** Apply to this many requests, then stop (a transient fault). Default: every request until `clearFaults()`. */
  times?: number;
}

interface Entry {
  route: string;
  fault: Fault;
  remaining: number;
}

/**
 * Routes are exact paths (`/latest/api/token`), a prefix ending in `*`
 * (`/latest/meta-data/iam/*`), or `"*"` for every request. Query strings are ignored.
 */
export class FaultTable {
  #entries: Entry[] = [];

  add(route: string, fault: Fault, options: FaultOptions = {}): void {
    const times = options.times ?? Number.POSITIVE_INFINITY;
    if (!(times > 0)) throw new RangeError(`fault times must be a positive number, got ${times}`);
    validateFault(fault);
    this.#entries.push({ route, fault, remaining: times });
  }

  clear(): void {
    this.#entries = [];
  }

  /** The first fault that matches `path`, consuming one of its `times`. */
  take(path: string): Fault | undefined {
    const entry = this.#entries.find((e) => routeMatches(e.route, path));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#entries.splice(this.#entries.indexOf(entry), 1);
    return entry.fault;
  }
}

function routeMatches(route: string, path: string): boolean {
  if (route === "*") return true;
  if (route.endsWith("*")) return path.startsWith(route.slice(0, -1));
  return route === path;
}

const NAMED = new Set(["hang", "reset", "malformed-json", "truncated-json", "empty-body", "expired-credentials"]);

function validateFault(fault: Fault): void {
  if (typeof fault === "number") {
    if (!Number.isInteger(fault) || fault < 100 || fault > 599) throw new RangeError(`fault status must be 100..599, got ${fault}`);
    return;
  }
  if (typeof fault === "string") {
    if (!NAMED.has(fault)) throw new RangeError(`unknown fault "${fault}"`);
    return;
  }
  if ("status" in fault) return validateFault(fault.status);
  if (!(fault.delayMs >= 0)) throw new RangeError(`fault delayMs must be >= 0, got ${fault.delayMs}`);
}
