import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildIfStale } from "./build-if-stale.js";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

/** A package whose build appends a line to dist/builds.txt (so a test can count builds). */
async function countingPackage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "build-if-stale-"));
  temps.push(dir);
  const build = `node -e "require('fs').mkdirSync('dist',{recursive:true});require('fs').appendFileSync('dist/builds.txt','x')"`;
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: "counting", private: true, scripts: { build } }));
  await mkdir(join(dir, "src"));
  await writeFile(join(dir, "src", "index.ts"), "export {};\n");
  return dir;
}

const builds = async (dir: string) => (await readFile(join(dir, "dist", "builds.txt"), "utf8")).length;

describe(buildIfStale.name, () => {
  it("builds when dist is missing, not again while it is current, and again after a source changes", async () => {
    const dir = await countingPackage();
    buildIfStale(dir);
    expect(await builds(dir)).toBe(1);
    buildIfStale(dir);
    expect(await builds(dir)).toBe(1);
    const later = new Date(Date.now() + 5_000);
    await utimes(join(dir, "src", "index.ts"), later, later);
    buildIfStale(dir);
    expect(await builds(dir)).toBe(2);
  });
});
