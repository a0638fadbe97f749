/** The `exports` of a package.json: subpath → target (a path, or conditions). */
export type Exports = Record<string, unknown>;

/**
 * What a user writes to load each entry point of a package: its name plus each `exports` subpath,
 * without `./package.json` (metadata, not code).
 *
 * @example
 * ```ts
 * entrySpecifiers("@credchain/chain", { ".": {}, "./compose": {}, "./package.json": "./package.json" });
 * // ["@credchain/chain", "@credchain/chain/compose"]
 * ```
 */
export function entrySpecifiers(name: string, exports: Exports): string[] {
  return Object.keys(exports)
    .filter((subpath) => subpath !== "./package.json")
    .map((subpath) => (subpath === "." ? name : `${name}${subpath.slice(1)}`));
}
