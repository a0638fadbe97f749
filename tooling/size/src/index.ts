export { BUDGETS, CEILINGS, KB, type BudgetedRow } from "./budgets.js";
export { ENTRIES_DIR, ROWS, type Row } from "./entries.js";
export { entryImports, readiness } from "./entry-imports.js";
export { BUILD_OPTIONS, measureEntry, packageOf, type Contributor, type Measurement } from "./measure.js";
export { formatBreakdown, formatSdkNotes, formatTable, kb } from "./report.js";
export { measureAll, type RowResult, type Side, type SizeReport } from "./run.js";
export { writeSection } from "./write-section.js";
export { dependencyProblems, packageName, publicPackages, publishedImports, type PublishedImports } from "./declared-dependencies.js";
export { sourceLayoutProblems, TEST_ONLY_PACKAGES } from "./source-layout.js";
