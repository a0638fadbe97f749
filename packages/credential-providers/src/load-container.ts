// Loaded on first use: the container provider stays out of programs that never call it.
export { fromContainerMetadata } from "@credchain/provider-container";
