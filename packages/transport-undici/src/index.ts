// isNeverProxied and the variable names live in core (its httpTransport applies the same rule); re-exported here as before.
export { HTTP_PROXY, HTTPS_PROXY, isNeverProxied, NO_PROXY } from "@credchain/core/http";
export { undiciTransport, type UndiciTransport, type UndiciTransportOptions } from "./undici-transport.js";
