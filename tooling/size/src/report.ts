import { KB } from "./budgets.js";
import type { Contributor } from "./measure.js";
import type { RowResult, Side, SizeReport } from "./run.js";

/** `12345` → `12.06 KB` (1 KB = 1024 B). */
export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(2)} KB`;
}

function cell(side: Side | undefined, pick: "minified" | "gzip"): string {
  if (!side) return "—";
  if (side.skipped) return "skipped";
  if (side.error) return "error";
  return side.measurement ? kb(side.measurement[pick]) : "—";
}

function status(row: RowResult): string {
  if (row.credchain?.skipped) return row.credchain.skipped;
  if (row.credchain?.error) return `ERROR: ${row.credchain.error}`;
  if (row.budget === undefined) return "";
  if (!row.overBudget) return `ok (≤ ${kb(row.budget)})`;
  return row.ceiling === undefined ? `OVER budget ${kb(row.budget)}` : `OVER budget ${kb(row.budget)} (ceiling ${kb(row.ceiling)}, issue #15)`;
}

/** The results as a Markdown table: credchain and the AWS SDK v3 side by side, with the ratio. */
export function formatTable(report: SizeReport): string {
  const lines = [
    "| bundle | credchain min | credchain gz | AWS SDK v3 min | AWS SDK v3 gz | SDK ÷ credchain | budget |",
    "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const row of report.rows) {
    const ratio = row.ratio === undefined ? "—" : `${row.ratio.toFixed(1)}×`;
    lines.push(
      `| ${row.label} | ${cell(row.credchain, "minified")} | ${cell(row.credchain, "gzip")} | ${cell(row.sdk, "minified")} | ${cell(row.sdk, "gzip")} | ${ratio} | ${status(row)} |`,
    );
  }
  return lines.join("\n");
}

/** What each SDK column bundles. */
export function formatSdkNotes(report: SizeReport): string {
  return report.rows
    .filter((r) => r.sdkNote)
    .map((r) => `- ${r.label}: ${r.sdkNote}`)
    .join("\n");
}

function top(list: Contributor[], n: number, total: number): string[] {
  return list.slice(0, n).map((c) => `    ${String(c.bytes).padStart(7)} B  ${((100 * c.bytes) / total).toFixed(1).padStart(5)}%  ${c.name}`);
}

/** Where the bytes of a bundle over budget go: packages, then the largest input files. */
export function formatBreakdown(row: RowResult, n = 12): string {
  const m = row.credchain?.measurement;
  if (!m) return "";
  return [
    `${row.label}: ${m.minified} B minified (${kb(m.minified)}), budget ${row.budget} B — ${m.minified - (row.budget ?? 0)} B over`,
    "  by package:",
    ...top(m.packages, n, m.minified),
    "  largest source files (metafile bytesInOutput, the entry bundled from the packages' src/):",
    ...top(m.sources, n, m.minified),
  ].join("\n");
}
