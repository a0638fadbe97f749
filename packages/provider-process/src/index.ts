export {
  fromProcess,
  DEFAULT_PROCESS_MAX_OUTPUT_BYTES,
  DEFAULT_PROCESS_TIMEOUT_MS,
  type ProcessInit,
} from "./from-process.js";
export { parseProcessOutput, type ParseProcessOutputOptions } from "./parse-process-output.js";
export { splitCommand, windowsShellSplit } from "./split-command.js";
