// `@credchain/core/http`: what credchain's providers that call an endpoint share: the metadata
// endpoints' context and answers, transport failures, proxies, AWS partitions and region names.
// Its own entry so a chain loads it only when it reaches such a provider: a resolution from env or
// the files never does. Like `@credchain/core/internal`, not covered by semver.
export { resolveDirectContext } from "./direct-context.js";
export { documentCredentials, retrievalError, tryRequest, type TransportFailure } from "./endpoint-credentials.js";
export { transportError, transportFailure } from "./transport.js";
export { envProxies, HTTP_PROXY, HTTPS_PROXY, NO_PROXY, proxyBypass, proxyFor } from "./env-proxies.js";
export { isNeverProxied } from "./never-proxied.js";
export { PARTITIONS, partitionOf, type Partition } from "./partitions.js";
export { checkRegionName } from "./region-name.js";
export { escapeUri } from "./escape-uri.js";
export { sleep } from "./sleep.js";
