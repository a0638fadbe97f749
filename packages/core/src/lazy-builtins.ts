// Node built-ins that load on first use rather than at import. Compiling node:crypto costs a
// cold start about 2 ms and node:fs/promises about 1.5 ms, and a resolution from env needs
// neither (it reads files with node:fs, which Node has loaded already). A bundler hoists static
// imports of built-ins to the top of the bundle, so these must stay calls.

/**
 * `node:crypto`, loaded on first use.
 *
 * @example
 * ```ts
 * nodeCrypto().createHash("sha1").update("x").digest("hex");
 * ```
 */
export const nodeCrypto = (): typeof import("node:crypto") => process.getBuiltinModule("node:crypto");

/**
 * `node:fs/promises`, loaded on first use.
 *
 * @example
 * ```ts
 * await nodeFsPromises().mkdir(dir, { recursive: true });
 * ```
 */
export const nodeFsPromises = (): typeof import("node:fs/promises") => process.getBuiltinModule("node:fs/promises");
