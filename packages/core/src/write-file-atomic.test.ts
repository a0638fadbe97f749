import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./write-file-atomic.js";

// Temp directories made here are removed when the file's tests end.
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), "credchain-atomic-"));
  temps.push(dir);
  return dir;
};

describe("writeFileAtomic", () => {
  it("creates the file 0600 and its directory 0700, leaving no temp file", async () => {
    const dir = join(await tempDir(), "sub");
    await writeFileAtomic(join(dir, "f.json"), "{}");
    expect(await readFile(join(dir, "f.json"), "utf8")).toBe("{}");
    expect((await stat(join(dir, "f.json"))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toEqual(["f.json"]);
  });

  it("keeps an existing file's mode, unless told not to (caches are always 0600)", async () => {
    const dir = await tempDir();
    const file = join(dir, "config");
    await writeFile(file, "a", { mode: 0o644 });
    await writeFileAtomic(file, "b");
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await writeFileAtomic(file, "c", { keepExistingMode: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
