import { resolveLocalContext, type LocalContext, type LocalContextInit } from "./local-context.js";
import { httpTransport } from "./http-transport.js";
import type { Transport } from "./transport.js";

export { stderrLogger, type Env, type Logger } from "./local-context.js";

/** Everything a provider reads from the outside world, injectable so tests need no mocks. */
export interface ProviderContextInit extends LocalContextInit {
  /**
   * HTTP for providers that call endpoints. Default: `httpTransport({ env })`: node:http with
   * keep-alive, and HTTPS_PROXY / HTTP_PROXY / NO_PROXY from `env` for AWS API calls.
   */
  transport?: Transport;
}

export interface ProviderContext extends LocalContext {
  transport: Transport;
}

/**
 * Every default a provider needs, each replaceable by `init`. Providers that call only a metadata
 * endpoint use `resolveDirectContext` (no proxy code in their bundles).
 *
 * @example
 * ```ts
 * const { env, transport } = resolveContext({ env: { AWS_PROFILE: "dev" } });
 * ```
 */
export function resolveContext(init: ProviderContextInit = {}): ProviderContext {
  return { ...resolveLocalContext(init), transport: init.transport ?? httpTransport({ env: init.env }) };
}
