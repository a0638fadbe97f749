import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions, type Metafile, type Plugin } from "esbuild";

/** Where bundled bytes come from: one input file, or one package summed. */
export interface Contributor {
  name: string;
  bytes: number;
}

export interface Measurement {
  /** Minified bytes. */
  minified: number;
  /** Gzipped bytes of the minified output (zlib default level 6). */
  gzip: number;
  /** Input files by bytes in the output, largest first. */
  inputs: Contributor[];
  /** Packages by bytes in the output, largest first. */
  packages: Contributor[];
  /**
   * Source files by bytes, largest first: the same entry bundled from the workspace packages'
   * `src/` (each package's dist is one file, so the metafile of the real bundle stops at packages).
   */
  sources: Contributor[];
}

/** esbuild settings of ARCHITECTURE.md's budgets: `--bundle --minify --platform=node --format=esm --main-fields=module,main`. */
export const BUILD_OPTIONS = {
  bundle: true,
  minify: true,
  platform: "node",
  format: "esm",
  mainFields: ["module", "main"],
  write: false,
  metafile: true,
  logLevel: "silent",
} satisfies BuildOptions;

/**
 * Bundles one entry file and measures it.
 *
 * @example
 * ```ts
 * const { minified, gzip, packages } = await measureEntry("/abs/entries/credchain-env.mjs");
 * ```
 */
export async function measureEntry(file: string, split?: SplitPart): Promise<Measurement> {
  if (split) return measureSplit(file, split);
  const result = await build({ ...BUILD_OPTIONS, entryPoints: [file], outfile: "out.js", absWorkingDir: dirname(file) });
  const out = result.outputFiles?.find((f) => f.path.endsWith(".js"));
  if (!out) throw new Error(`esbuild produced no output for ${file}`);
  const inputs = result.metafile ? contributors(result.metafile) : [];
  const fromSources = await build({ ...BUILD_OPTIONS, entryPoints: [file], outfile: "out.js", absWorkingDir: dirname(file), plugins: [workspaceSources] });
  return {
    minified: out.contents.byteLength,
    gzip: gzipSync(out.contents).byteLength,
    inputs,
    packages: byPackage(inputs),
    sources: fromSources.metafile ? contributors(fromSources.metafile) : [],
  };
}

/**
 * With code splitting, what is measured: `upFront`, the entry chunk and every chunk it imports
 * statically (what loads before the first provider runs); `total`, every chunk.
 */
export type SplitPart = "upFront" | "total";

/** The entry bundled with `splitting: true` (ESM): the bytes of the chunks `part` names, summed. */
async function measureSplit(file: string, part: SplitPart): Promise<Measurement> {
  const options = { ...BUILD_OPTIONS, entryPoints: [file], splitting: true, outdir: "out", absWorkingDir: dirname(file) } satisfies BuildOptions;
  const result = await build(options);
  const fromSources = await build({ ...options, plugins: [workspaceSources] });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const picked = chunksOf(result.metafile, part, basename(file));
  const bytes = picked.map((name) => files.get(join(dirname(file), name)) ?? new Uint8Array());
  const inputs = mergedContributors(result.metafile, picked);
  return {
    minified: bytes.reduce((n, b) => n + b.byteLength, 0),
    // Each chunk is a file of its own, compressed on its own.
    gzip: bytes.reduce((n, b) => n + gzipSync(b).byteLength, 0),
    inputs,
    packages: byPackage(inputs),
    sources: mergedContributors(fromSources.metafile, chunksOf(fromSources.metafile, part, basename(file))),
  };
}

/**
 * The output chunks (paths as the metafile names them) of the entry's part: all, or the entry and
 * its static imports. The entry is the output of `entryFile`: each chunk loaded with `import()` is
 * an entry point too, and may come first.
 */
function chunksOf(metafile: Metafile, part: SplitPart, entryFile: string): string[] {
  const js = Object.keys(metafile.outputs).filter((name) => name.endsWith(".js"));
  if (part == "total") return js;
  const entry = js.find((name) => metafile.outputs[name]?.entryPoint === entryFile);
  if (!entry) throw new Error(`esbuild produced no output for ${entryFile}`);
  const seen = new Set<string>();
  const visit = (name: string | undefined) => {
    if (!name || seen.has(name)) return;
    seen.add(name);
    for (const i of metafile.outputs[name]?.imports ?? []) if (i.kind == "import-statement" && !i.external) visit(i.path);
  };
  visit(entry);
  return [...seen];
}

/** The input files of several output chunks, bytes summed over them. */
function mergedContributors(metafile: Metafile, chunks: string[]): Contributor[] {
  const sums = new Map<string, number>();
  for (const chunk of chunks) {
    for (const [name, v] of Object.entries(metafile.outputs[chunk]?.inputs ?? {})) sums.set(tidy(name), (sums.get(tidy(name)) ?? 0) + v.bytesInOutput);
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).filter((c) => c.bytes > 0).sort((a, b) => b.bytes - a.bytes);
}

const PACKAGES_DIR = fileURLToPath(new URL("../../../packages/", import.meta.url));

/** Resolves `@credchain/x` and `@credchain/x/sub` to `packages/x/src/{index,sub}.ts`. */
const workspaceSources: Plugin = {
  name: "workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@credchain\/[^/]+(\/.+)?$/ }, (args) => {
      const [, pkg, sub] = /^@credchain\/([^/]+)(?:\/(.+))?$/.exec(args.path) ?? [];
      const path = join(PACKAGES_DIR, pkg ?? "", "src", `${sub ?? "index"}.ts`);
      return existsSync(path) ? { path } : undefined;
    });
  },
};

function contributors(metafile: Metafile): Contributor[] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint !== undefined) ?? Object.values(metafile.outputs)[0];
  if (!output) return [];
  return Object.entries(output.inputs)
    .map(([name, v]) => ({ name: tidy(name), bytes: v.bytesInOutput }))
    .filter((c) => c.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

/** `../../node_modules/.pnpm/x@1/node_modules/@aws-sdk/y/dist-es/z.js` → `@aws-sdk/y/dist-es/z.js`; `../../packages/core/dist/a.js` → `packages/core/dist/a.js`. */
function tidy(path: string): string {
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  return path.replace(/^(\.\.\/)+/, "");
}

/** The package an input belongs to: `@scope/name`, `name`, or `packages/<dir>` for workspace sources. */
export function packageOf(name: string): string {
  const ws = /^packages\/([^/]+)\//.exec(name);
  if (ws) return `@credchain/${ws[1]}`;
  const parts = name.split("/");
  if (parts[0]?.startsWith("@") && parts.length > 1) return `${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? (parts[0] ?? name) : "(entry)";
}

function byPackage(inputs: Contributor[]): Contributor[] {
  const sums = new Map<string, number>();
  for (const c of inputs) sums.set(packageOf(c.name), (sums.get(packageOf(c.name)) ?? 0) + c.bytes);
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}
