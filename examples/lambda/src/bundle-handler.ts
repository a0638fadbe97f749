import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The Lambda budget from ARCHITECTURE.md: 12 KB minified (1 KB = 1024 B). */
export const LAMBDA_BUDGET_BYTES = 12 * 1024;

export interface BundleResult {
  outfile: string;
  minified: number;
  gzip: number;
  /** Largest inputs (metafile bytesInOutput), for when the bundle is over budget. */
  inputs: { name: string; bytes: number }[];
}

/**
 * Bundles `src/handler.ts` as it would be deployed: esbuild, minified ESM for node, `module`
 * entries first. Returns the output path and its sizes.
 *
 * @example
 * ```ts
 * const { minified } = await bundleHandler();
 * ```
 */
export async function bundleHandler(outfile = fileURLToPath(new URL("../bundle/handler.mjs", import.meta.url))): Promise<BundleResult> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../src/handler.ts", import.meta.url))],
    outfile,
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    mainFields: ["module", "main"],
    metafile: true,
    logLevel: "warning",
  });
  const out = Object.values(result.metafile.outputs)[0];
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(outfile);
  return {
    outfile,
    minified: bytes.byteLength,
    gzip: gzipSync(bytes).byteLength,
    inputs: Object.entries(out?.inputs ?? {})
      .map(([name, v]) => ({ name: name.replace(/^(\.\.\/)+/, ""), bytes: v.bytesInOutput }))
      .filter((i) => i.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes),
  };
}
