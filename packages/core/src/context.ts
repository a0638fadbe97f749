import { resolveLocalContext, type LocalContext, type LocalContextInit } from "./local-context.js";
import { fetchTransport, type Transport } from "./transport.js";

export { stderrLogger, type Env, type Logger } from "./local-context.js";

/** Everything a provider reads from the outside world, injectable so tests need no mocks. */
export interface ProviderContextInit extends LocalContextInit {
  /** HTTP for providers that call endpoints. Default: `fetchTransport()` (Node's built-in fetch). */
  transport?: Transport;
}

export interface ProviderContext extends LocalContext {
  transport: Transport;
}

/**
 * Every default a provider needs, each replaceable by `init`.
 *
 * @example
 * ```ts
 * const { env, transport } = resolveContext({ env: { AWS_PROFILE: "dev" } });
 * ```
 */
export function resolveContext(init: ProviderContextInit = {}): ProviderContext {
  return { ...resolveLocalContext(init), transport: init.transport ?? fetchTransport() };
}
