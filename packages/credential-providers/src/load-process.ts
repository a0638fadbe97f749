// Loaded on first use: the process runner stays out of programs that never call fromProcess.
export { fromProcess } from "@credchain/provider-process";
