export { entrySpecifiers, type Exports } from "./entry-specifiers.js";
export { installTarballs } from "./install-tarballs.js";
export { packPublicPackages, type PackedPackage } from "./pack-public-packages.js";
export { cleanEnv, run, runOk, type RunResult } from "./run.js";
export { TYPE_CONFIGS, typeCheckSource, writeTypeProject, type TypeConfig } from "./type-matrix.js";
