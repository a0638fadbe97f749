// Loaded on first use: the IMDS provider stays out of programs that never call it.
export { fromInstanceMetadata } from "@credchain/provider-imds";
