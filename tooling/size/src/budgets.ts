/** One kilobyte in the budgets is a kibibyte: 1 KB = 1024 bytes. */
export const KB = 1024;

/**
 * Budgets from ARCHITECTURE.md, in minified bytes (esbuild `--minify`, before gzip).
 * Keyed by the row they apply to.
 */
export const BUDGETS = {
  "env only": 2 * KB,
  "Lambda chain": 12 * KB,
  "full default chain": 48 * KB,
} as const satisfies Record<string, number>;

export type BudgetedRow = keyof typeof BUDGETS;
