import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertCliBuilt,
  compareBotocoreRuns,
  compareDeliberateDifference,
  compareWithBotocore,
  credchainArgs,
  expectedCredchainCode,
  isErrorOutcome,
  listScenarios,
  machineBotoConfigWarning,
  runBotocore,
  runCredchain,
  type Outcome,
  type Scenario,
} from "../src/index.js";

const LIVE = process.env.CONFORMANCE_LIVE === "1";
const scenarios = listScenarios();

/** Both answers side by side, so a failure reads without opening any file. */
function report(scenario: Scenario, botocore: Outcome, body: string, differences: string[]): string {
  const want = isErrorOutcome(botocore)
    ? { ...botocore, credchainCodeExpected: expectedCredchainCode(botocore.Error, scenario.spec.credchainCode) }
    : botocore;
  return [
    "",
    `scenario ${scenario.name}: ${scenario.spec.description}`,
    `  env: ${JSON.stringify(scenario.spec.env ?? {})}  profile: ${scenario.spec.profile ?? "(none)"}`,
    `  credchain ${credchainArgs(scenario).join(" ")}`,
    ...differences.map((d) => `  ✗ ${d}`),
    `  botocore:  ${JSON.stringify(want)}`,
    `  credchain: ${body}`,
  ].join("\n");
}

/** One line per disagreeing scenario, printed together at the end of the run. */
const disagreements: string[] = [];

describe("credchain export vs botocore's recorded answer", () => {
  afterAll(() => {
    if (disagreements.length > 0) {
      console.log(`\n${disagreements.length} of ${scenarios.length} scenarios disagree with botocore:\n${disagreements.join("\n")}\n`);
    }
  });

  beforeAll(() => {
    assertCliBuilt();
    const warning = machineBotoConfigWarning();
    if (warning !== undefined) console.warn(`conformance: ${warning}`);
  });

  it.for(scenarios)("$name", async (scenario, { skip }) => {
    expect(scenario.expected, `${scenario.name} has no expected.json: run node scripts/regenerate.mjs ${scenario.name}`).toBeDefined();
    const expected = scenario.expected as Outcome;
    const run = await runCredchain(scenario);
    const { differences } = compareWithBotocore(expected, run, scenario.spec.credchainCode);
    const body = `exit ${run.status} stdout ${run.stdout.trim()}${run.stderr.trim() ? ` stderr ${run.stderr.trim()}` : ""}`;
    const deliberate = scenario.spec.deliberateDifference;
    if (deliberate !== undefined) {
      // credchain's chosen answer, checked as strictly as botocore's would be.
      const off = compareDeliberateDifference(expected, run, deliberate.code);
      if (off.length > 0) disagreements.push(`  ${scenario.name} (deliberate: ${deliberate.reason}): ${off.join("; ")}`);
      expect(off, report(scenario, expected, body, off)).toEqual([]);
      return;
    }
    const known = scenario.spec.knownDifference;
    if (known !== undefined) {
      // A recorded credchain bug: skipped while it still disagrees, a failure once it is fixed.
      expect(differences, `${scenario.name} agrees with botocore now: remove its "knownDifference"`).not.toEqual([]);
      disagreements.push(`  ${scenario.name} (known: ${known}): ${differences.join("; ")}`);
      skip(`known difference: ${known}`);
    }
    if (differences.length > 0) disagreements.push(`  ${scenario.name}: ${differences.join("; ")}`);
    expect(differences, report(scenario, expected, body, differences)).toEqual([]);
  });
});

// CONFORMANCE_LIVE=1: run botocore now and check the committed expected.json still holds
// (botocore upgrades, machine drift). Needs python3 with boto3.
describe.runIf(LIVE)("botocore now vs the committed expected.json", () => {
  it.each(scenarios)("$name", async (scenario) => {
    const fresh = await runBotocore(scenario);
    const differences = compareBotocoreRuns(scenario.expected as Outcome, fresh);
    expect(differences, `\nscenario ${scenario.name}: ${differences.join("\n  ")}\n  rerun: node scripts/regenerate.mjs ${scenario.name}`).toEqual([]);
  });
});
