import { describe, expect, it } from "vitest";
import { runBench } from "./run.js";
import { median } from "./stats.js";
import { formatIni, formatTable } from "./table.js";

describe(median.name, () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

// Smoke test: the whole bench in a tiny mode. No timing is asserted, only that every figure
// exists and the request counts hold (credchain makes one upstream call for a concurrent wave).
describe(runBench.name, () => {
  it("runs every benchmark in a tiny mode", { timeout: 120_000 }, async () => {
    const all = await runBench({ launches: 2, timeMs: 50, concurrency: 50, profiles: 10, iniCounts: [5, 10, 30], failureRuns: 1, rounds: 2, queryParams: [10, 100], providers: 100 });
    const r = all as Required<typeof all>;
    expect(r.concurrency.credchain.upstream).toBe(1);
    expect(r.concurrency.credchain.distinct).toBe(1);
    // IMDS: token, role, credentials; the container endpoint: one GET; both libraries alike.
    for (const lib of ["credchain", "sdk"] as const) {
      expect(r.imds[lib].requestsPerResolution).toBe(3);
      expect(r.container[lib].requestsPerResolution).toBe(1);
      expect(r.request[lib].requestsPerResolution).toBe(1);
    }
    expect(r.imds.ratios).toHaveLength(2);
    expect(r.ini.points.every((p) => p.ratios.length === 2 && p.cpuMs.credchain > 0 && p.cpuMs.sdk > 0 && p.wallMs.sdk > 0)).toBe(true);
    expect(r.ini.growth.credchain).toHaveLength(2);
    expect(r.assumeRole.credchain.stsCallsPerResolution).toBe(1);
    expect(r.assumeRole.sdk.stsCallsPerResolution).toBe(1);
    expect(r.offEc2.credchain.error).toMatch(/^NoCredentials/);
    // Signing: no endpoint, so no requests; one time per query size per library.
    expect(r.signing.throughput.ratios).toHaveLength(2);
    expect(r.signing.throughput.credchain.requestsPerResolution).toBe(0);
    for (const lib of ["credchain", "sdk"] as const) expect(r.signing.query[lib].map((q) => q.n)).toEqual([10, 100]);
    const table = formatTable(r);
    // A smoke test of the machinery: 100 providers are too few for a heap delta to rise above GC
    // noise (it read −117 B once), so only that a figure came back is checked here.
    expect(Number.isFinite(r.memory.credchain.bytesPerProvider)).toBe(true);
    expect(Number.isFinite(r.memory.sdk.bytesPerProvider)).toBe(true);
    expect(table.split("\n")).toHaveLength(2 + 11 + 1 + 2);
    expect(Number.isFinite(r.coldStartBundledCjs.overheadMs.credchain)).toBe(true);
    expect(table).not.toContain("NaN");
    // The INI section: a row per count, the growth row, the chart.
    const ini = formatIni({ ...r, ini: r.ini }, "docs/chart.svg");
    expect(ini.split("\n").filter((line) => line.startsWith("| "))).toHaveLength(2 + 3 + 1);
    expect(ini).toContain("](docs/chart.svg)");
    expect(ini).not.toContain("NaN");
  });
});

describe("runBench with only", () => {
  it("runs the sections asked for and leaves the others out of results and table", { timeout: 60_000 }, async () => {
    const r = await runBench({ only: ["container", "request"], timeMs: 50, rounds: 1 });
    expect(r.container?.ratios).toHaveLength(1);
    expect(r.request?.ratios).toHaveLength(1);
    expect(r.imds).toBeUndefined();
    expect(r.coldStart).toBeUndefined();
    expect(formatTable(r).split("\n")).toHaveLength(2 + 2);
  });
});
