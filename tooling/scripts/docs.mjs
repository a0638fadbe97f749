#!/usr/bin/env node
// `pnpm run docs`: the documentation that is generated, after `pnpm build`.
//   docs/cli/*.md   one reference page per command of the credchain CLI, printed by the built CLI
//                   (`credchain help COMMAND --format markdown`) from the same table as its --help;
//                   committed, so they read on GitHub. With --check they are compared, not written:
//                   a page that differs from what the CLI prints fails (the CLI's tests check it too).
//   docs/api/       the API reference of every package under packages/ (TypeDoc, from their TSDoc;
//                   typedoc.json). Not committed. A broken {@link}, a relative link to a missing
//                   file or a public type left out of the reference fails the run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const check = process.argv.includes("--check");
const bin = join(root, "packages", "cli", "bin", "credchain.js");
const cliDir = join(root, "docs", "cli");

if (!existsSync(join(root, "packages", "cli", "dist"))) {
  console.error("docs: packages/cli/dist is missing; run `pnpm build` first");
  process.exit(1);
}

const help = (...words) => execFileSync(process.execPath, [bin, "help", ...words, "--format", "markdown"], { encoding: "utf8" });

// The index lists every command as [`credchain NAME`](NAME.md): those are the pages.
const pages = new Map([["README.md", help()]]);
for (const [, name] of pages.get("README.md").matchAll(/\]\(([a-z-]+)\.md\)/g)) pages.set(`${name}.md`, help(name));

const stale = [];
mkdirSync(cliDir, { recursive: true });
for (const file of readdirSync(cliDir)) {
  if (file.endsWith(".md") && !pages.has(file)) {
    stale.push(`docs/cli/${file} (no such command)`);
    if (!check) rmSync(join(cliDir, file));
  }
}
for (const [file, text] of pages) {
  const path = join(cliDir, file);
  const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (current === text) continue;
  stale.push(`docs/cli/${file}`);
  if (!check) writeFileSync(path, text);
}
if (check && stale.length > 0) {
  console.error(`docs: these CLI reference pages differ from the CLI's help; run \`pnpm run docs\` and commit them:\n  ${stale.join("\n  ")}`);
  process.exit(1);
}
console.log(stale.length === 0 ? `docs: docs/cli is up to date (${pages.size} pages)` : `docs: wrote ${stale.join(", ")}`);

// TypeDoc reads each package's types from its dependencies' built dist, hence the build first.
execFileSync(join(root, "node_modules", ".bin", "typedoc"), ["--logLevel", "Warn"], { cwd: root, stdio: "inherit" });
console.log("docs: API reference in docs/api/index.html");
