#!/usr/bin/env node
// Builds the package in the current directory: tsc writes the .d.ts files, esbuild writes one
// JavaScript file per entry point (plus shared chunks for code loaded with import()).
// Why: Node's ESM loader pays per file, and a resolution from env used to load ~40 files; one
// file per package keeps the unbundled cold start near the bundled one (issue #7).
// Entry points are the package's `exports` and the dist files its bin scripts import.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const { build } = require("esbuild");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

/** `./dist/a/b.js` → `src/a/b.ts`. */
const sourceOf = (distPath) => distPath.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");

function entryPoints() {
  const entries = new Set();
  for (const target of Object.values(pkg.exports ?? {})) {
    const file = typeof target === "string" ? target : target?.default;
    if (typeof file === "string" && file.startsWith("./dist/") && file.endsWith(".js")) entries.add(sourceOf(file));
  }
  for (const bin of existsSync("bin") ? readdirSync("bin") : []) {
    for (const [, file] of readFileSync(join("bin", bin), "utf8").matchAll(/"\.\.\/dist\/([^"]+\.js)"/g)) {
      entries.add(sourceOf(`./dist/${file}`));
    }
  }
  return [...entries];
}

rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
  stdio: "inherit",
});
await build({
  entryPoints: entryPoints(),
  outdir: "dist",
  outbase: "src",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Other packages (ours and third-party) stay imports: each is installed and bundled once.
  packages: "external",
  // At dist/ top level: code that resolves files relative to itself (../package.json) still works.
  chunkNames: "[name]-[hash]",
  // A property whose name ends in "_" is internal to its package (refresh-manager's per-provider
  // state) and gets a short name in dist, as a local variable does: state kept in one object
  // costs about the bytes of state kept in a closure. Such a property never crosses packages.
  mangleProps: /_$/,
  sourcemap: true,
  logLevel: "warning",
});
