export {
  PACKAGE_ROOT,
  SCENARIOS_DIR,
  isErrorOutcome,
  listScenarios,
  loadScenario,
  type CredentialsOutcome,
  type DeliberateDifference,
  type ErrorOutcome,
  type Outcome,
  type Scenario,
  type ScenarioSpec,
} from "./scenario.js";
export {
  HOME_PLACEHOLDER,
  hasPlaceholder,
  restorePlaceholders,
  substitutePlaceholders,
  type PlaceholderValues,
} from "./placeholders.js";
export {
  DEFAULT_EMULATOR_CREDENTIALS,
  startScenarioEmulators,
  validateEmulatorSpec,
  type ContainerSpec,
  type EmulatorCredentialsSpec,
  type EmulatorSpec,
  type FaultSpec,
  type ImdsSpec,
  type EmulatorServer,
  type RunningEmulators,
  type SsoOidcSpec,
  type SsoRequest,
  type SsoSpec,
  type StsSpec,
  SSO_CLOCK,
  STS_CLOCK,
} from "./emulators.js";
export { GENERATED_SESSION_NAME, compareStsCalls, stsCallGraph, type StsCallRecord } from "./sts-calls.js";
export { compareSsoCalls, ssoCallGraph, type SsoCallRecord } from "./sso-calls.js";
export { compareSsoTokenCache, snapshotSsoTokenCache, ssoTokenCacheDir, type SsoTokenCacheSnapshot } from "./sso-token-cache.js";
export { prepareRun, type PreparedRun } from "./prepare-run.js";
export { spawnAsync, type SpawnResult } from "./spawn-async.js";
export { materializeHome, type MaterializedHome } from "./materialize-home.js";
export { isLoopbackUrl, isRefusedHostUrl, scrubbedEnv, type ScrubbedEnvOptions } from "./scrubbed-env.js";
export { BOTOCORE_UNCODED, PYTHON_BUILTIN_CODES, expectedCredchainCode, hasMappedCode, stsErrorCodeOf } from "./error-codes.js";
export {
  compareBotocoreRuns,
  compareDeliberateDifference,
  compareWithBotocore,
  parseCliOutput,
  sameInstant,
  type CliRun,
  type Comparison,
} from "./compare.js";
export { ORACLE_SCRIPT, botocoreVersion, findPython, machineBotoConfigWarning, runBotocore } from "./run-botocore.js";
export { CLI_BIN, REPO_ROOT, assertCliBuilt, cliBin, credchainArgs, runCredchain } from "./run-credchain.js";
