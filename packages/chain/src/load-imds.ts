// Loaded on first use: the instance metadata provider (a module of its own, so a bundle keeps only these names).
export { fromInstanceMetadata, resolveImdsSettings } from "@credchain/provider-imds";
