export { chain, type ChainProvider } from "./chain.js";
export { defaultChain, type DefaultChainOptions, type DefaultChainProvider } from "./default-chain.js";
export { profileChain } from "./profile-chain.js";
export type { Explanation } from "./explanation.js";
export type { ExplicitCredentials } from "./explicit.js";
export { link, type ChainLink } from "./link.js";
export {
  credentialSourceProvider,
  CREDENTIAL_SOURCE_NAMES,
  type CredentialSourceInit,
  type CredentialSourceName,
} from "./credential-source.js";
export type { ImdsChainOptions, MfaCodeProvider, ProcessChainOptions, RoleOptions } from "./session.js";
