#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { formatBreakdown, formatSdkNotes, formatTable } from "./report.js";
import { measureAll } from "./run.js";
import { writeSection } from "./write-section.js";

/** `pnpm -C tooling/size run size [--json] [--write]`: prints the table, writes results.json (and BENCHMARKS.md's size section with --write), exits 1 over budget. */
const report = await measureAll();
const resultsFile = fileURLToPath(new URL("../results.json", import.meta.url));
await writeFile(resultsFile, `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, ...report }, null, 2)}\n`);

if (process.argv.includes("--json")) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  process.stdout.write(`${formatTable(report)}\n\nSDK columns:\n${formatSdkNotes(report)}\n\n1 KB = 1024 bytes; budgets apply to minified bytes. Written to ${resultsFile}\n`);
}
if (process.argv.includes("--write")) {
  const file = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
  // Every file of the small bundles (what each byte is for), the largest of the big ones.
  const over = report.rows.filter((r) => r.overBudget).map((r) => formatBreakdown(r, (r.credchain?.measurement?.sources.length ?? 0) <= 40 ? 40 : 12));
  const breakdown = over.length ? `\n\nWhere the bytes go in bundles over budget:\n\n\`\`\`\n${over.join("\n\n")}\n\`\`\`` : "";
  await writeSection(file, "size", `${formatTable(report)}\n\nSDK columns:\n\n${formatSdkNotes(report)}${breakdown}`);
  process.stderr.write(`wrote ${file}\n`);
}
for (const row of report.rows.filter((r) => r.overBudget)) process.stderr.write(`\n${formatBreakdown(row)}\n`);
if (report.failures.length > 0) {
  process.stderr.write(`\nsize check failed:\n${report.failures.map((f) => `  - ${f}`).join("\n")}\n`);
  process.exitCode = 1;
}
