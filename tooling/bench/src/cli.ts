#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { iniChart } from "./ini-chart.js";
import { runBench, runIniBench, type BenchOptions } from "./run.js";
import { formatIni, formatMachine, formatNotes, formatTable } from "./table.js";
import { writeSection } from "@credchain/size";

/**
 * `pnpm -C tooling/bench run bench [--write] [--quick] [--only ini]`
 * --write: update BENCHMARKS.md's bench sections and the INI chart; --quick: a tiny run (smoke
 * test, not for publishing); --only ini: only the INI figure (its section and chart with --write).
 */
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined;
if (only !== undefined && only !== "ini") throw new Error(`--only takes "ini" (the one figure that runs alone), not ${JSON.stringify(only)}`);
if (argv.includes("--write") && quick) throw new Error("--write with --quick would publish smoke-test figures; drop one of them");

const options: BenchOptions = {
  ...(quick && { launches: 3, timeMs: 100, concurrency: 50, profiles: 20, iniCounts: [10, 20, 60], failureRuns: 1, rounds: 2, queryParams: [20, 200] }),
  log: (line) => process.stderr.write(`· ${line}\n`),
};
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
// Relative to BENCHMARKS.md, which links it.
const CHART = "docs/ini-parse-time.svg";

const full = only ? undefined : await runBench(options);
const results = full ?? (await runIniBench(options));
const ini = formatIni(results, CHART);
const bench = full && `${formatTable(full)}\n\n${formatMachine(full)}\n\n${formatNotes(full)}`;
process.stdout.write(`\n${bench ? `${bench}\n\n` : ""}${ini}\n`);
await writeFile(fileURLToPath(new URL("../results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes("--write")) {
  const file = root("BENCHMARKS.md");
  if (bench) await writeSection(file, "bench", bench);
  await writeSection(file, "bench-ini", ini);
  await writeFile(root(CHART), iniChart(results.ini, `${results.machine.nproc} × ${results.machine.cpu}, Node ${results.machine.node}`));
  process.stderr.write(`wrote ${file} and ${root(CHART)}\n`);
}
