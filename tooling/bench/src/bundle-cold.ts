import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { distFile } from "./child.js";

/**
 * Bundles the two cold-start scripts as a Lambda deployment would (esbuild, minified ESM for
 * node), so the cold start can be measured without per-file module loading.
 */
export async function bundleColdScripts(): Promise<{ credchain: string; sdk: string }> {
  const dir = mkdtempSync(join(tmpdir(), "credchain-bench-bundles-"));
  const one = async (name: string) => {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      entryPoints: [distFile(`${name}.js`)],
      outfile,
      bundle: true,
      minify: true,
      platform: "node",
      format: "esm",
      mainFields: ["module", "main"],
      logLevel: "silent",
      // CommonJS dependencies inside an ESM bundle need a real `require` for node builtins.
      banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
    });
    return outfile;
  };
  return { credchain: await one("cold-credchain"), sdk: await one("cold-sdk") };
}
