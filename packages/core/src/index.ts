// The public face of @credchain/core: what a user composing a chain or writing a provider needs.
// What only credchain's own packages use is `@credchain/core/internal` (not covered by semver).
// Everything but HTTP is also `@credchain/core/local`, which loads no transport code.
export * from "./local.js";
export { resolveContext } from "./context.js";
export {
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type Transport,
  type TransportErrorKind,
} from "./transport.js";
export { fetchTransport, type FetchTransportOptions } from "./fetch-transport.js";
export { directTransport, type DirectTransportOptions } from "./direct-transport.js";
export { httpTransport, type HttpTransportOptions } from "./http-transport.js";
export type { CaBundle } from "./ca-bundle.js";
export { resolveEndpointUrl } from "./resolve-endpoint-url.js";
