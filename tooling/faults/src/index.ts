export { CLI_BIN, runCli, type CliRun, type RunCliOptions } from "./run-cli.js";
export { findSecrets, PLANTED } from "./secrets.js";
export { faultHome, type FaultHome } from "./fault-home.js";
