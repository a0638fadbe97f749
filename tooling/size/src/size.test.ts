import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUDGETS, CEILINGS } from "./budgets.js";
import { ROWS } from "./entries.js";
import { measureAll } from "./run.js";

// Bundling ~20 entries with esbuild takes a few seconds.
const report = await measureAll();

describe("size budgets (minified bytes, 1 KB = 1024 B)", () => {
  it.each(Object.entries(BUDGETS))("%s fits its budget of %i bytes, or its ratchet ceiling while issue #15 is open", (label, budget) => {
    const row = report.rows.find((r) => r.label === label);
    const measured = row?.credchain?.measurement;
    expect(measured, `${label} was not measured: ${row?.credchain?.error ?? row?.credchain?.skipped}`).toBeDefined();
    const limit = (CEILINGS as Record<string, number | undefined>)[label] ?? budget;
    expect(measured?.minified).toBeLessThanOrEqual(limit);
  });

  it("keeps ceilings only for bundles still over budget", () => {
    for (const [label, ceiling] of Object.entries(CEILINGS)) {
      const measured = report.rows.find((r) => r.label === label)?.credchain?.measurement?.minified ?? 0;
      expect(measured, `${label} fits its budget now: delete its ceiling`).toBeGreaterThan((BUDGETS as Record<string, number>)[label] ?? 0);
      expect(ceiling).toBeGreaterThan((BUDGETS as Record<string, number>)[label] ?? 0);
    }
  });

  it("bundles every entry that is ready (skips only packages not built yet)", () => {
    const errors = report.rows.flatMap((r) => [r.credchain, r.sdk]).filter((s) => s?.error);
    expect(errors).toEqual([]);
    for (const r of report.rows) if (r.credchain?.skipped) expect(r.credchain.skipped).toMatch(/^not built: /);
  });

  it.each(ROWS.filter((r) => r.leavesOut).map((r) => [r.label, r.leavesOut!] as const))("%s leaves out %j", (label, files) => {
    for (const file of files) expect(existsSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url))), `${file} was renamed: update leavesOut`).toBe(true);
    const row = report.rows.find((r) => r.label === label);
    const sources = row?.credchain?.measurement?.sources.map((s) => s.name) ?? [];
    expect(sources.length, `${label} was not measured`).toBeGreaterThan(0);
    expect(sources.filter((s) => files.includes(s))).toEqual([]);
  });

  it("counts up front from the entry's own chunk (each chunk loaded with import() is an entry point too)", () => {
    const sources = report.rows.find((r) => r.label === "full default chain, split: up front")?.credchain?.measurement?.sources.map((s) => s.name);
    expect(sources).toContain("credchain-default-chain.mjs");
    expect(sources).toContain("packages/chain/src/default-chain.ts");
  });

  it("resolves our ES modules (dist/*.js), never the CommonJS build, for every bundle", () => {
    const measured = report.rows.flatMap((r) => r.credchain?.measurement?.inputs ?? []);
    expect(measured.filter((i) => i.name.startsWith("packages/") && i.name.endsWith(".js")).length).toBeGreaterThan(0);
    expect(measured.filter((i) => i.name.endsWith(".cjs")).map((i) => i.name)).toEqual([]);
  });

  it("measures the AWS SDK v3 counterparts in the same run", () => {
    const sdk = report.rows.find((r) => r.label === "full default chain")?.sdk?.measurement;
    expect(sdk?.minified).toBeGreaterThan(0);
    expect(sdk?.packages.some((p) => p.name.startsWith("@aws-sdk/"))).toBe(true);
  });
});
