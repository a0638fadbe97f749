import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compareBotocoreRuns } from "./compare.js";
import { machineBotoConfigWarning, runBotocore } from "./run-botocore.js";
import { listScenarios } from "./scenario.js";

const python = spawnSync(process.env.CONFORMANCE_PYTHON ?? "python3", ["-c", "import boto3"], { encoding: "utf8" });

describe(runBotocore.name, () => {
  // One scenario of each shape: plain credentials, refreshable (process with expiry), a botocore
  // exception, a Python built-in, and None. The full set runs with CONFORMANCE_LIVE=1.
  // With an emulator: IMDSv2 (served while python waits), a container error, refused host.
  const sample = listScenarios(undefined, ["001", "101", "053", "106", "140", "200", "225", "228"]);

  it.skipIf(python.status !== 0).each(sample)("reproduces the committed answer of $name", async (scenario) => {
    expect(compareBotocoreRuns(scenario.expected!, await runBotocore(scenario))).toEqual([]);
  });
});

describe(machineBotoConfigWarning.name, () => {
  it("warns only when the file exists", () => {
    expect(machineBotoConfigWarning("/no/such/boto.cfg")).toBeUndefined();
    expect(machineBotoConfigWarning(import.meta.filename)).toMatch(/exists on this machine/);
  });
});
