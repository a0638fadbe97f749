/**
 * `@credchain/chain/compose`: `chain()` and `link()` without the default chain, for bundles that
 * compose their own providers (a Lambda with env + container + IMDS). The root entry also loads
 * the default chain's lazily imported providers, which costs such a bundle about 1 KB.
 */
export { chain, type ChainProvider } from "./chain.js";
export type { Explanation } from "./explanation.js";
export { link, type ChainLink } from "./link.js";
