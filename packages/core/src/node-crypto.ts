/**
 * `node:crypto`, loaded on first use rather than at import: compiling it costs a cold start
 * about 2 ms, and a resolution from env never needs it.
 *
 * @example
 * ```ts
 * nodeCrypto().createHash("sha1").update("x").digest("hex");
 * ```
 */
export const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");
