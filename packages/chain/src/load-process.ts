// Loaded on first use by plan-providers.ts.
export { fromProcess } from "@credchain/provider-process";
