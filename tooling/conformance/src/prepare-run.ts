import { startScenarioEmulators, type RunningEmulators } from "./emulators.js";
import { materializeHome } from "./materialize-home.js";
import type { PlaceholderValues } from "./placeholders.js";
import type { Scenario } from "./scenario.js";
import { scrubbedEnv } from "./scrubbed-env.js";

/** Everything one side's run of a scenario needs, and how to tear it down. */
export interface PreparedRun {
  home: string;
  env: Record<string, string>;
  emulators: RunningEmulators;
  /** Values to turn back into placeholders in what the run printed (not the container token). */
  restore: PlaceholderValues;
  cleanup(): Promise<void>;
}

/**
 * Starts the scenario's emulators (fresh ones for this run), copies home/ into a temp HOME with
 * every placeholder substituted, and builds the scrubbed environment.
 *
 * @example
 * ```ts
 * const run = await prepareRun(scenario);
 * try { spawn(cmd, { env: run.env, cwd: run.home }); } finally { await run.cleanup(); }
 * ```
 */
export async function prepareRun(scenario: Scenario): Promise<PreparedRun> {
  const emulators = await startScenarioEmulators(scenario.spec.emulator, scenario.name);
  let cleanupHome = () => {};
  try {
    const { home, cleanup } = materializeHome(scenario.homeDir, emulators.placeholders);
    cleanupHome = cleanup;
    const values: PlaceholderValues = { ...emulators.placeholders, HOME: home };
    const env = scrubbedEnv(scenario.spec.env, values, undefined, { imdsEmulator: emulators.imds !== undefined });
    // The token is a short literal that may well occur in output for other reasons: keep it.
    const { CONTAINER_TOKEN: _token, ...restore } = values;
    return {
      home,
      env,
      emulators,
      restore: restore as PlaceholderValues,
      cleanup: async () => {
        cleanupHome();
        await emulators.close();
      },
    };
  } catch (error) {
    cleanupHome();
    await emulators.close();
    throw error;
  }
}
