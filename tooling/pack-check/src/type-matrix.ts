import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One way a TypeScript user compiles against the packages: a tsconfig and the files it checks. */
export interface TypeConfig {
  /** Folder name in the project, and the label in test names. */
  name: string;
  compilerOptions: Record<string, unknown>;
  /** Source files (each gets the same text: its extension sets ESM or CommonJS). */
  files: string[];
  /** Emitted files to run with node (none when the setting is for bundlers). */
  run: string[];
}

/**
 * The settings a package with dual `exports` must satisfy: `module` node16 and nodenext, each
 * from a CommonJS file (`.cts`, compiled to `require`) and an ES module (`.mts`); the classic
 * `node10` resolution (no `exports`: `main`, `types`, `typesVersions`); and `bundler`.
 */
export const TYPE_CONFIGS: TypeConfig[] = [
  // Here the declarations themselves are checked (both .d.ts and .d.cts load): 5 s of the 8 this
  // costs go to @types/node, so the other settings check only how our packages resolve and type.
  { name: "node16", compilerOptions: { module: "node16", moduleResolution: "node16", skipLibCheck: false }, files: ["index.cts", "index.mts"], run: ["out/index.cjs", "out/index.mjs"] },
  { name: "nodenext", compilerOptions: { module: "nodenext", moduleResolution: "nodenext" }, files: ["index.cts", "index.mts"], run: ["out/index.cjs", "out/index.mjs"] },
  { name: "node10", compilerOptions: { module: "commonjs", moduleResolution: "node10", esModuleInterop: true }, files: ["index.ts"], run: ["out/index.js"] },
  { name: "bundler", compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: true }, files: ["index.ts"], run: [] },
];

/**
 * A TypeScript file that imports every entry point (a namespace import each: all of its types
 * are loaded) and resolves credentials through `fromEnv` and `defaultChain`, printing what it got.
 * No top-level await, so the same text is a CommonJS and an ES module.
 *
 * @example
 * ```ts
 * typeCheckSource(["@credchain/core", "@credchain/chain/compose"]);
 * ```
 */
export function typeCheckSource(specifiers: string[]): string {
  return [
    "// Written by @credchain/pack-check: every entry point of every installed package, and a resolution.",
    ...specifiers.map((s, i) => `import * as entry${i} from ${JSON.stringify(s)};`),
    'import { defaultChain } from "@credchain/chain";',
    'import { fromEnv } from "@credchain/provider-env";',
    'import { CredchainError, type CredentialProvider, type Credentials } from "@credchain/core";',
    "",
    `const entries: Record<string, object> = { ${specifiers.map((s, i) => `${JSON.stringify(s)}: entry${i}`).join(", ")} };`,
    "const env: CredentialProvider = fromEnv();",
    "const chain: CredentialProvider = defaultChain();",
    "Promise.all([env(), chain()]).then((resolved: Credentials[]) => {",
    "  const empty = Object.keys(entries).filter((name) => Object.keys(entries[name] ?? {}).length === 0);",
    "  const sources = resolved.map((c) => c.source);",
    "  process.stdout.write(JSON.stringify({ entries: Object.keys(entries).length, empty, sources, branded: CredchainError.isInstance(new Error()) }));",
    "});",
    "",
  ].join("\n");
}

/**
 * Writes `<dir>/<config.name>/`: a tsconfig.json (strict; declaration files are checked only where
 * the config says `skipLibCheck: false`) and the config's files, and returns the tsconfig's path.
 */
export async function writeTypeProject(dir: string, config: TypeConfig, specifiers: string[], typeRoots: string[]): Promise<string> {
  const project = join(dir, config.name);
  await mkdir(project, { recursive: true });
  const compilerOptions = { target: "es2022", strict: true, skipLibCheck: true, types: ["node"], typeRoots, outDir: "out", ...config.compilerOptions };
  await writeFile(join(project, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: config.files }, null, 2)}\n`);
  for (const file of config.files) await writeFile(join(project, file), typeCheckSource(specifiers));
  return join(project, "tsconfig.json");
}
