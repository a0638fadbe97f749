#!/usr/bin/env node
// `pnpm -C examples/lambda run bundle`: bundle the handler, print its size, fail over budget.
import { bundleHandler, LAMBDA_BUDGET_BYTES } from "./bundle-handler.js";

const r = await bundleHandler();
const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
process.stdout.write(`${r.outfile}\n  ${r.minified} B minified (${kb(r.minified)}), ${r.gzip} B gzipped (${kb(r.gzip)}); budget ${kb(LAMBDA_BUDGET_BYTES)}\n`);
if (r.minified > LAMBDA_BUDGET_BYTES) {
  process.stderr.write(`over budget by ${r.minified - LAMBDA_BUDGET_BYTES} B; largest inputs:\n`);
  for (const i of r.inputs.slice(0, 10)) process.stderr.write(`  ${String(i.bytes).padStart(6)} B  ${i.name}\n`);
  process.exitCode = 1;
}
