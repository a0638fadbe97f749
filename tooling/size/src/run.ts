import { join } from "node:path";
import { BUDGETS, CEILINGS } from "./budgets.js";
import { ENTRIES_DIR, ROWS, type Row } from "./entries.js";
import { readiness } from "./entry-imports.js";
import { measureEntry, type Measurement } from "./measure.js";

/** One side of a row: measured, skipped (package not built yet) or failed. */
export interface Side {
  entry: string;
  measurement?: Measurement;
  skipped?: string;
  error?: string;
}

export interface RowResult {
  label: string;
  /** Minified-byte budget, where the row has one. */
  budget?: number;
  /** The ratchet ceiling of a row still over its budget (see CEILINGS). */
  ceiling?: number;
  credchain?: Side;
  sdk?: Side;
  sdkNote?: string;
  /** SDK minified bytes / credchain minified bytes, when both were measured. */
  ratio?: number;
  /** True when the credchain bundle is over its budget. */
  overBudget: boolean;
  /** Files of the row's `leavesOut` that the credchain bundle contains anyway. */
  leaked?: string[];
}

export interface SizeReport {
  rows: RowResult[];
  /** Rows over budget, and entries that failed to bundle. */
  failures: string[];
}

const importFromHere = (pkg: string) => import(pkg) as Promise<Record<string, unknown>>;

async function measureSide(entry: string, load: (pkg: string) => Promise<Record<string, unknown>>, split?: Row["split"]): Promise<Side> {
  const file = join(ENTRIES_DIR, entry);
  const ready = await readiness(file, load);
  if (ready.skip) return { entry, skipped: ready.skip };
  if (ready.error) return { entry, error: ready.error };
  try {
    return { entry, measurement: await measureEntry(file, split) };
  } catch (error) {
    return { entry, error: (error as Error).message.split("\n").slice(0, 3).join(" ") };
  }
}

/**
 * Bundles every entry (credchain and AWS SDK v3, same settings, same run) and checks budgets.
 *
 * @example
 * ```ts
 * const report = await measureAll();
 * if (report.failures.length) process.exitCode = 1;
 * ```
 */
export async function measureAll(
  options: { rows?: Row[]; load?: (pkg: string) => Promise<Record<string, unknown>> } = {},
): Promise<SizeReport> {
  const load = options.load ?? importFromHere;
  const rows: RowResult[] = [];
  const failures: string[] = [];
  for (const row of options.rows ?? ROWS) {
    const budget = (BUDGETS as Record<string, number>)[row.label];
    const result: RowResult = { label: row.label, overBudget: false };
    if (budget !== undefined) result.budget = budget;
    if (row.sdkNote) result.sdkNote = row.sdkNote;
    if (row.credchain) result.credchain = await measureSide(row.credchain, load, row.split);
    if (row.sdk) result.sdk = await measureSide(row.sdk, load);
    const cc = result.credchain?.measurement;
    const sdk = result.sdk?.measurement;
    if (cc && sdk) result.ratio = sdk.minified / cc.minified;
    const ceiling = (CEILINGS as Record<string, number | undefined>)[row.label];
    if (ceiling !== undefined) result.ceiling = ceiling;
    if (cc && budget !== undefined && cc.minified > budget) {
      result.overBudget = true;
      // Over the target budget fails only past the ratchet ceiling (a regression) or without one.
      if (ceiling === undefined || cc.minified > ceiling) {
        failures.push(`${row.label}: ${cc.minified} B minified > ${ceiling === undefined ? `budget ${budget}` : `ceiling ${ceiling}`} B`);
      }
    }
    const leaked = cc && row.leavesOut?.filter((file) => cc.sources.some((s) => s.name === file));
    if (leaked?.length) {
      result.leaked = leaked;
      failures.push(`${row.label}: bundles ${leaked.join(", ")}, which its entry never needs`);
    }
    // An ES module entry must get our ES build: a .cjs file of ours here means an `exports` condition is wrong.
    const commonJs = cc?.inputs.filter((i) => i.name.startsWith("packages/") && i.name.endsWith(".cjs")).map((i) => i.name);
    if (commonJs?.length) failures.push(`${row.label}: bundles the CommonJS build (${commonJs.join(", ")}), not dist/*.js`);
    for (const side of [result.credchain, result.sdk]) if (side?.error) failures.push(`${row.label} (${side.entry}): ${side.error}`);
    rows.push(result);
  }
  return { rows, failures };
}
