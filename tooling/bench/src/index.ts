export { runBench, type BenchOptions, type BenchResults, type PerLib } from "./run.js";
export { formatMachine, formatNotes, formatTable } from "./table.js";
export { describeMachine, type Machine } from "./machine.js";
export { median } from "./stats.js";
