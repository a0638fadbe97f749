// Loaded on first use: the container endpoint provider (a module of its own, so a bundle keeps only this name).
export { fromContainerMetadata } from "@credchain/provider-container";
