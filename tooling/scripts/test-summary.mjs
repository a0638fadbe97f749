#!/usr/bin/env node
// Sums every package's vitest JSON report (written by its `test` script to .vitest/results.json)
// into one closing line, so a run of many packages ends with a single verdict.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const group of ["packages", "tooling", "examples"]) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    for (const report of ["results.json", "conformance.json"]) {
      const file = join(dir, name, ".vitest", report);
      if (!existsSync(file)) continue;
      const r = JSON.parse(readFileSync(file, "utf8"));
      const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += s;
      rows.push(`${`${group}/${name}${report === "conformance.json" ? " (conformance)" : ""}`.padEnd(44)} ${String(r.numPassedTests).padStart(5)} passed ${String(r.numFailedTests).padStart(3)} failed`);
    }
  }
}
console.log(rows.join("\n"));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
