import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { entrySpecifiers, type Exports } from "../src/entry-specifiers.js";
import { installTarballs } from "../src/install-tarballs.js";
import { packPublicPackages, type PackedPackage } from "../src/pack-public-packages.js";

/** What the test files share: the packed packages and the project they are installed in. */
export interface PackCheck {
  /** The npm project the tarballs are installed in. */
  app: string;
  packages: (PackedPackage & { specifiers: string[] })[];
  /** Seconds spent packing and installing. */
  seconds: { pack: number; install: number };
}

declare module "vitest" {
  export interface ProvidedContext {
    packCheck: PackCheck;
  }
}

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Packs and installs once for every test file (vitest `globalSetup`); removes it all at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "credchain-pack-check-"));
  const app = join(dir, "app");
  let t = performance.now();
  const packed = await packPublicPackages(ROOT, join(dir, "tarballs"));
  const pack = (performance.now() - t) / 1000;
  t = performance.now();
  await installTarballs(app, packed.map((p) => p.tarball));
  const install = (performance.now() - t) / 1000;
  const packages = [];
  for (const p of packed) {
    const { exports } = JSON.parse(await readFile(join(app, "node_modules", p.name, "package.json"), "utf8")) as { exports: Exports };
    packages.push({ ...p, specifiers: entrySpecifiers(p.name, exports) });
  }
  process.stderr.write(`pack-check: packed ${packed.length} packages in ${pack.toFixed(1)} s, installed them with npm in ${install.toFixed(1)} s\n`);
  project.provide("packCheck", { app, packages, seconds: { pack, install } });
  return () => rm(dir, { recursive: true, force: true });
}
