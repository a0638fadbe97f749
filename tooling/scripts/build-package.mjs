#!/usr/bin/env node
// Builds the package in the current directory, as ES modules and as CommonJS:
//   dist/*.js     ESM: esbuild, one file per entry point plus shared chunks for code loaded with
//                 import() (Node's ESM loader pays per file, and a resolution from env used to
//                 load ~40 files; one file per package keeps the unbundled cold start near the
//                 bundled one, issue #7).
//   dist/*.cjs    CommonJS: each ESM file above converted on its own, so both formats have the same
//                 files, the same lazy boundaries and the same shared state (one chunk, one cache).
//                 import() of a chunk or of a sibling package becomes a lazy require(): a CommonJS
//                 program loads our CommonJS build only, never the ESM copy of a package.
//   dist/**/*.d.ts   types of the ESM files (tsc, one per source file).
//   dist/**/*.d.cts  the same declarations for the CommonJS files (relative imports to .cjs).
//   LICENSE       the repository's, copied so every tarball carries it.
// No source maps: dist is readable unminified JavaScript, and maps would point at src/, which the
// tarballs leave out (shipping it would double them).
// Entry points are the package's `exports` and the dist files its bin scripts import.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(join(process.cwd(), "package.json"));
const { build } = require("esbuild");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

/** `./dist/a/b.js` → `src/a/b.ts`. */
const sourceOf = (distPath) => distPath.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");

/** The ESM file of an `exports` target: `{ import: { default } }` (dual) or `{ default }` / a string (ESM only). */
const esmFile = (target) => (typeof target === "string" ? target : (target?.import?.default ?? target?.default));

function entryPoints() {
  const entries = new Set();
  for (const target of Object.values(pkg.exports ?? {})) {
    const file = esmFile(target);
    if (typeof file === "string" && file.startsWith("./dist/") && file.endsWith(".js")) entries.add(sourceOf(file));
  }
  for (const bin of existsSync("bin") ? readdirSync("bin") : []) {
    for (const [, file] of readFileSync(join("bin", bin), "utf8").matchAll(/"\.\.\/dist\/([^"]+\.js)"/g)) {
      entries.add(sourceOf(`./dist/${file}`));
    }
  }
  return [...entries];
}

/** Every file under `dir` whose name ends with `suffix`, as paths relative to the package. */
const filesEnding = (dir, suffix) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name));

/** A relative specifier ending in `.js` (`"./x.js"`, `'../y/z.js'`) → the same with `.cjs`. */
const RELATIVE_JS = /(["'])(\.\.?\/[^"'\n]*?)\.js\1/g;
const toCjsSpecifiers = (text) => text.replace(RELATIVE_JS, "$1$2.cjs$1");

/** For the CommonJS pass: every import stays an import; relative ones point at the .cjs file. */
const externalAsCjs = {
  name: "external-as-cjs",
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) =>
      args.kind === "entry-point" ? undefined : { path: args.path.startsWith(".") ? toCjsSpecifiers(JSON.stringify(args.path)).slice(1, -1) : args.path, external: true },
    );
  },
};

rmSync("dist", { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--emitDeclarationOnly", "--declarationMap", "false"],
  { stdio: "inherit" },
);
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
  logLevel: "warning",
});

// A module shared by entries that holds no code (types only) still becomes an empty chunk each of
// them imports: one more file for Node to resolve, read and link when the package is used
// unbundled, for nothing. Dropped, with the imports of it.
const emptyChunks = readdirSync("dist").filter((name) => name.endsWith(".js") && readFileSync(join("dist", name), "utf8").trim() === "");
for (const name of readdirSync("dist").filter((n) => n.endsWith(".js") && !emptyChunks.includes(n))) {
  const text = readFileSync(join("dist", name), "utf8");
  const kept = emptyChunks.reduce((t, chunk) => t.replaceAll(`import "./${chunk}";\n`, ""), text);
  if (kept !== text) writeFileSync(join("dist", name), kept);
}
for (const name of emptyChunks) rmSync(join("dist", name));

const esmFiles = readdirSync("dist").filter((name) => name.endsWith(".js"));
await build({
  entryPoints: esmFiles.map((name) => join("dist", name)),
  outdir: "dist",
  outbase: "dist",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  plugins: [externalAsCjs],
  // import() → Promise.resolve().then(() => require()): chunks and sibling packages load as CommonJS.
  supported: { "dynamic-import": false },
  // import.meta.url, for files that locate themselves (the CLI's ../package.json and ../bin).
  define: { "import.meta.url": "__importMetaUrl" },
  logLevel: "warning",
  write: false,
}).then(({ outputFiles }) => {
  for (const file of outputFiles) {
    // After "use strict", which must stay the first statement.
    const text = file.text.includes("__importMetaUrl")
      ? file.text.replace(/^("use strict";\n)?/, '$1var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;\n')
      : file.text;
    writeFileSync(file.path, text);
  }
});

for (const file of filesEnding("dist", ".d.ts")) {
  writeFileSync(file.replace(/\.d\.ts$/, ".d.cts"), toCjsSpecifiers(readFileSync(file, "utf8")));
}

copyFileSync(join(import.meta.dirname, "../../LICENSE"), "LICENSE");
