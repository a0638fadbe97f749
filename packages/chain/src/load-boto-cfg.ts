// Loaded on first use: the boto2 file providers (a module of its own, so a bundle keeps only these names).
export { fromBotoConfig, fromEc2CredentialsFile } from "@credchain/provider-boto-cfg";
