import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
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
export async function measureEntry(file: string): Promise<Measurement> {
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
