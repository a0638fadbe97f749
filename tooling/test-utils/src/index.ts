export { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath, makeBadPaths, type BadPathKind, type BadPaths } from "./bad-paths.js";
export { rejection } from "./rejection.js";
export { HOME_PLACEHOLDER, homeEnv, makeTempHome, type TempHome } from "./temp-home.js";
export { tempHomes } from "./temp-homes.js";
export { leftBehind, type LeftBehind } from "./left-behind.js";
export { buildIfStale } from "./build-if-stale.js";
export { botocoreClientCalls, HAS_BOTOCORE, type BotocoreClientCall, type BotocoreClientCase } from "./botocore-client.js";
export { recordingTransport, type RecordedRequest } from "./recording-transport.js";
export { selfSignedCert, type SelfSignedCert } from "./self-signed-cert.js";
