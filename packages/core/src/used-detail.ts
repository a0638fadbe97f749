/**
 * A non-enumerable note a provider may put on the credentials it returns, so the default chain's `explain`
 * can say what was read (a cache file, a token's expiry) — never copied by a spread, never a secret.
 */
export const USED_DETAIL = Symbol.for("credchain.usedDetail");
