import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { updateFile } from "../src/update-file.js";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), "credchain-update-"));
  temps.push(dir);
  return dir;
};

describe(updateFile.name, () => {
  it("passes undefined for a missing file, writes what the edit returns (0600), and says so", async () => {
    const dir = await tempDir();
    const file = join(dir, "sub", "f");
    const seen: Array<string | undefined> = [];
    expect(await updateFile(file, (text) => (seen.push(text), "one"))).toBe(true);
    expect(await updateFile(file, (text) => (seen.push(text), `${text} two`))).toBe(true);
    expect(seen).toEqual([undefined, "one"]);
    expect(await readFile(file, "utf8")).toBe("one two");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, "sub"))).toEqual(["f"]);
  });

  it("leaves the file alone when the edit returns undefined", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await writeFile(file, "keep");
    const before = await stat(file);
    expect(await updateFile(file, () => undefined)).toBe(false);
    expect((await stat(file)).ino).toBe(before.ino);
  });

  it("applies concurrent edits one after the other: none is lost", async () => {
    const dir = await tempDir();
    const file = join(dir, "f");
    await Promise.all(Array.from({ length: 30 }, (_, i) => updateFile(file, async (text = "") => `${text}line ${i}\n`)));
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    expect(lines.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `line ${i}`).sort());
  });

  it("rejects a FIFO (ENOTREG) or a file over maxBytes (EFBIG) without calling the edit", async () => {
    const dir = await tempDir();
    execFileSync("mkfifo", [join(dir, "fifo")]);
    await writeFile(join(dir, "big"), "x".repeat(100));
    let called = false;
    const edit = () => ((called = true), "x");
    await expect(updateFile(join(dir, "fifo"), edit)).rejects.toMatchObject({ code: "ENOTREG" });
    await expect(updateFile(join(dir, "big"), edit, { maxBytes: 10 })).rejects.toMatchObject({ code: "EFBIG" });
    expect(called).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(["big", "fifo"]);
  });
});
