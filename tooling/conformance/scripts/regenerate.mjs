#!/usr/bin/env node
// Regenerates scenarios/*/expected.json by running botocore (scripts/botocore-oracle.py) on each
// scenario in a fresh temp HOME with a scrubbed environment.
//
//   node scripts/regenerate.mjs              # every scenario
//   node scripts/regenerate.mjs 012 030-x    # only these (folder name or number prefix)
//
// Needs python3 with boto3/botocore (or CONFORMANCE_PYTHON). Builds this package's dist/ first
// (the runner is TypeScript in src/, shared with the vitest suite).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "..", "..", "node_modules", ".bin", "tsc");
const build = spawnSync(tsc, ["-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (build.status !== 0) {
  console.error("regenerate: building tooling/conformance failed");
  process.exit(1);
}

const { listScenarios, runBotocore, botocoreVersion, findPython, machineBotoConfigWarning } = await import(
  "../dist/index.js"
);

const botoWarning = machineBotoConfigWarning();
if (botoWarning !== undefined && process.env.CONFORMANCE_ALLOW_ETC_BOTO !== "1") {
  console.error(`regenerate: ${botoWarning}; refusing to record (set CONFORMANCE_ALLOW_ETC_BOTO=1 to override)`);
  process.exit(1);
}

try {
  findPython();
} catch (error) {
  console.error(`regenerate: ${error.message}`);
  process.exit(1);
}

const scenarios = listScenarios(undefined, process.argv.slice(2));
console.log(`botocore ${botocoreVersion()}: ${scenarios.length} scenario(s)`);
let changed = 0;
for (const scenario of scenarios) {
  const outcome = await runBotocore(scenario);
  const text = `${JSON.stringify(outcome, null, 2)}\n`;
  const before = scenario.expected === undefined ? undefined : `${JSON.stringify(scenario.expected, null, 2)}\n`;
  const summary = "Error" in outcome
    ? `Error ${outcome.Error.Code}${outcome.Error.Class ? ` (${outcome.Error.Module}.${outcome.Error.Class})` : ""}`
    : `${outcome.Source} ${outcome.AccessKeyId}`;
  if (text !== before) {
    writeFileSync(join(scenario.dir, "expected.json"), text);
    changed += 1;
    console.log(`${before === undefined ? "new    " : "changed"} ${scenario.name}: ${summary}`);
  } else {
    console.log(`same    ${scenario.name}: ${summary}`);
  }
}
console.log(`${changed} expected.json file(s) written`);
