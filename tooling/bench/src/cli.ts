#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { BENCH_SECTIONS, runBench, type BenchSection } from "./run.js";
import { formatMachine, formatNotes, formatTable } from "./table.js";
import { writeSection } from "@credchain/size";

/**
 * `pnpm -C tooling/bench run bench [--write] [--quick] [--only imds,container] [--rounds N]`
 * --write: update the bench section of BENCHMARKS.md; --quick: a tiny run (smoke test, not for publishing);
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
  ...(quick && { launches: 3, timeMs: 100, concurrency: 50, profiles: 20, failureRuns: 1, rounds: 2, queryParams: [20, 200], providers: 100 }),
  log: (line) => process.stderr.write(`· ${line}\n`),
});
const section = `${formatTable(results)}\n\n${formatMachine(results)}\n\n${formatNotes(results)}`;
process.stdout.write(`\n${section}\n`);
await writeFile(fileURLToPath(new URL("../results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes("--write")) {
  if (quick || only) throw new Error(`--write with ${quick ? "--quick" : "--only"} would publish a partial or smoke-test table; drop one of them`);
  const file = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
  await writeSection(file, "bench", section);
  process.stderr.write(`wrote ${file}\n`);
}
