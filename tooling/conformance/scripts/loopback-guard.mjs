// Preloaded into the credchain CLI by the conformance runner (node --import): refuses any TCP
// connection that is not to loopback, so a scenario can never reach 169.254.169.254,
// 169.254.170.2 or AWS even if a provider ignores AWS_EC2_METADATA_DISABLED.
import net from "node:net";

const realConnect = net.Socket.prototype.connect;

function isLoopback(host) {
  if (host === undefined || host === "localhost") return true;
  const h = String(host).replace(/^\[|\]$/g, "");
  return h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h);
}

net.Socket.prototype.connect = function connect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  const host = typeof options === "object" && options !== null
    ? (options.path !== undefined ? "localhost" : options.host)
    : typeof args[1] === "string" ? args[1] : typeof options === "string" ? "localhost" : undefined;
  if (!isLoopback(host)) {
    throw new Error(`conformance guard: refusing to connect to ${host}`);
  }
  return realConnect.apply(this, args);
};
