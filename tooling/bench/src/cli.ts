#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { runBench } from "./run.js";
import { formatMachine, formatNotes, formatTable } from "./table.js";
import { writeSection } from "@credchain/size";

/**
 * `pnpm -C tooling/bench run bench [--write] [--quick]`
 * --write: update the bench section of BENCHMARKS.md; --quick: a tiny run (smoke test, not for publishing).
 */
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const results = await runBench({
  ...(quick && { launches: 3, timeMs: 100, concurrency: 50, profiles: 20, failureRuns: 1, rounds: 2, queryParams: [20, 200] }),
  log: (line) => process.stderr.write(`· ${line}\n`),
});
const section = `${formatTable(results)}\n\n${formatMachine(results)}\n\n${formatNotes(results)}`;
process.stdout.write(`\n${section}\n`);
await writeFile(fileURLToPath(new URL("../results.json", import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
if (argv.includes("--write")) {
  if (quick) throw new Error("--write with --quick would publish smoke-test figures; drop one of them");
  const file = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));
  await writeSection(file, "bench", section);
  process.stderr.write(`wrote ${file}\n`);
}
