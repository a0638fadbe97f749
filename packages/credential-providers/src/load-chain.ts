// Loaded on first use: the chain and what it loads stay out of a program that never calls fromIni
// or fromNodeProviderChain.
export { defaultChain, profileChain } from "@credchain/chain";
