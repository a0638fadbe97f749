import { join } from "node:path";
import { build } from "esbuild";
import { distFile } from "./child.js";
import { tempDir } from "./temp-dirs.js";

export interface ColdBundles {
  /** ES module bundles (`.mjs`). */
  esm: { credchain: string; sdk: string };
  /** CommonJS bundles (`.cjs`): esbuild's default format for `platform: "node"`, and the AWS CDK's NodejsFunction default. */
  cjs: { credchain: string; sdk: string };
}

/**
 * Bundles the two cold-start scripts as a Lambda deployment would (esbuild, minified, for node),
 * as ES modules and as CommonJS, so the cold start can be measured without per-file module loading.
 */
export async function bundleColdScripts(): Promise<ColdBundles> {
  const dir = tempDir("credchain-bench-bundles-");
  const one = async (name: string, format: "esm" | "cjs") => {
    const outfile = join(dir, `${name}.${format === "esm" ? "mjs" : "cjs"}`);
    await build({
      entryPoints: [distFile(`${name}.js`)],
      outfile,
      bundle: true,
      minify: true,
      platform: "node",
      format,
      mainFields: ["module", "main"],
      logLevel: "silent",
      // CommonJS dependencies inside an ESM bundle need a real `require` for node builtins.
      ...(format === "esm" && { banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' } }),
    });
    return outfile;
  };
  return {
    esm: { credchain: await one("cold-credchain", "esm"), sdk: await one("cold-sdk", "esm") },
    cjs: { credchain: await one("cold-credchain", "cjs"), sdk: await one("cold-sdk", "cjs") },
  };
}
