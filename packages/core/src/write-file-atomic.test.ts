import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./write-file-atomic.js";

describe("writeFileAtomic", () => {
  it("creates the file 0600 and its directory 0700, leaving no temp file", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "credchain-atomic-")), "sub");
    await writeFileAtomic(join(dir, "f.json"), "{}");
    expect(await readFile(join(dir, "f.json"), "utf8")).toBe("{}");
    expect((await stat(join(dir, "f.json"))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readdir(dir)).toEqual(["f.json"]);
  });

  it("keeps an existing file's mode, unless told not to (caches are always 0600)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "credchain-atomic-"));
    const file = join(dir, "config");
    await writeFile(file, "a", { mode: 0o644 });
    await writeFileAtomic(file, "b");
    expect((await stat(file)).mode & 0o777).toBe(0o644);
    await writeFileAtomic(file, "c", { keepExistingMode: false });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});
