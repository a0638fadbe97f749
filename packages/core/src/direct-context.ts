// Kept apart from context.ts so a bundle with only metadata-endpoint providers (the Lambda chain)
// carries no proxy code.
import type { ProviderContext, ProviderContextInit } from "./context.js";
import { directTransport } from "./direct-transport.js";
import { resolveLocalContext } from "./local-context.js";

/**
 * `resolveContext` for providers that call only a metadata endpoint (IMDS, the container
 * endpoint), which never goes through a proxy: the default transport is `directTransport()`.
 *
 * @example
 * ```ts
 * const { env, transport } = resolveDirectContext({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:8080/creds" } });
 * ```
 */
export function resolveDirectContext(init: ProviderContextInit = {}): ProviderContext {
  const ctx = resolveLocalContext(init) as ProviderContext;
  ctx.transport = init.transport ?? directTransport();
  return ctx;
}
