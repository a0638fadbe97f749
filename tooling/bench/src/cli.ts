#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BENCH_SECTIONS, runBench, type BenchSection } from "./run.js";
import { iniChart } from "./ini-chart.js";
import { formatIni, formatMachine, formatNotes, formatTable } from "./table.js";
import { writeSection } from "@credchain/size";

/**
 * `pnpm -C tooling/bench run bench [--write] [--quick] [--only imds,container] [--rounds N]`
 * --write: update the bench sections of BENCHMARKS.md and the INI chart (with `--only ini`: those alone); --quick: a tiny run (smoke test, not for publishing);
 * --only: these sections alone (not with --write); --rounds: interleaved rounds for the endpoint and signing rows.
 */
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const valueOf = (flag: string) => {
  const i = argv.indexOf(flag);
  return i < 0 ? undefined : argv[i + 1];
};
const only = valueOf("--only")?.split(",") as BenchSection[] | undefined;
const unknown = only?.filter((s) => !BENCH_SECTIONS.includes(s));
if (unknown?.length) throw new Error(`--only: no section ${unknown.join(", ")}; the sections are ${BENCH_SECTIONS.join(", ")}`);
const rounds = valueOf("--rounds") === undefined ? undefined : Number(valueOf("--rounds"));
const results = await runBench({
  ...(only && { only }),
  ...(rounds && { rounds }),
  ...(quick && { launches: 3, timeMs: 100, concurrency: 50, profiles: 20, iniCounts: [10, 20, 60], failureRuns: 1, rounds: 2, queryParams: [20, 200], providers: 100 }),
  log: (line) => process.stderr.write(`· ${line}\n`),
});
// Relative to BENCHMARKS.md, which links it.
const CHART = "docs/ini-parse-time.svg";
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const section = `${formatTable(results)}\n\n${formatMachine(results)}\n\n${formatNotes(results)}`;
const { ini } = results;
const iniSection = ini && formatIni({ ...results, ini }, CHART);
process.stdout.write(`\n${section}\n${iniSection ? `\n${iniSection}\n` : ""}`);
await writeFile(fileURLToPath(new URL("../results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes("--write")) {
  if (quick) throw new Error("--write with --quick would publish smoke-test figures; drop one of them");
  // `--only ini --write` refreshes the INI section and chart alone; any other partial run publishes nothing.
  const iniOnly = only?.length === 1 && only[0] === "ini";
  if (only && !iniOnly) throw new Error("--write with --only publishes a partial table; run every section, or --only ini");
  const file = root("BENCHMARKS.md");
  if (!only) await writeSection(file, "bench", section);
  if (ini && iniSection) {
    await writeSection(file, "bench-ini", iniSection);
    await writeFile(root(CHART), iniChart(ini, `${results.machine.nproc} × ${results.machine.cpu}, Node ${results.machine.node}`));
  }
  process.stderr.write(`wrote ${file}${ini ? ` and ${root(CHART)}` : ""}\n`);
}
