export { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath, makeBadPaths, type BadPathKind, type BadPaths } from "./bad-paths.js";
export { rejection } from "./rejection.js";
export { makeTempHome, type TempHome } from "./temp-home.js";
export { leftBehind, type LeftBehind } from "./left-behind.js";
export { selfSignedCert, type SelfSignedCert } from "./self-signed-cert.js";
