export { isNeverProxied } from "./never-proxy.js";
export {
  HTTP_PROXY,
  HTTPS_PROXY,
  NO_PROXY,
  undiciTransport,
  type UndiciTransport,
  type UndiciTransportOptions,
} from "./undici-transport.js";
