import { execFileSync } from "node:child_process";
import { chown, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/write-file-atomic.js";

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

describe("writeFileAtomic through symlinks and onto odd files", () => {
  it("keeps a symlinked file a symlink: the target is replaced, in its own directory, mode kept", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "dotfiles"));
    await mkdir(join(dir, ".aws"));
    await writeFile(join(dir, "dotfiles", "credentials"), "old", { mode: 0o640 });
    await symlink("../dotfiles/credentials", join(dir, ".aws", "credentials"));
    await writeFileAtomic(join(dir, ".aws", "credentials"), "new");
    expect((await lstat(join(dir, ".aws", "credentials"))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, ".aws", "credentials"))).toBe("../dotfiles/credentials");
    expect(await readFile(join(dir, "dotfiles", "credentials"), "utf8")).toBe("new");
    expect((await stat(join(dir, "dotfiles", "credentials"))).mode & 0o777).toBe(0o640);
    expect(await readdir(join(dir, ".aws"))).toEqual(["credentials"]);
    expect(await readdir(join(dir, "dotfiles"))).toEqual(["credentials"]);
  });

  it("creates the target of a dangling symlink, 0600", async () => {
    const dir = await tempDir();
    await symlink("real", join(dir, "link"));
    await writeFileAtomic(join(dir, "link"), "x");
    expect((await lstat(join(dir, "link"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "real"), "utf8")).toBe("x");
    expect((await stat(join(dir, "real"))).mode & 0o777).toBe(0o600);
  });

  it("refuses to replace a FIFO or a directory (ENOTREG), leaving it as it was", async () => {
    const dir = await tempDir();
    execFileSync("mkfifo", [join(dir, "fifo")]);
    await mkdir(join(dir, "d"));
    await expect(writeFileAtomic(join(dir, "fifo"), "x")).rejects.toMatchObject({ code: "ENOTREG" });
    await expect(writeFileAtomic(join(dir, "d"), "x")).rejects.toMatchObject({ code: "ENOTREG" });
    expect((await lstat(join(dir, "fifo"))).isFIFO()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(["d", "fifo"]);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps the owner of an existing file when root writes it", async () => {
    const dir = await tempDir();
    const file = join(dir, "credentials");
    await writeFile(file, "a", { mode: 0o600 });
    await chown(file, 4321, 4321);
    await writeFileAtomic(file, "b");
    const s = await stat(file);
    expect([s.uid, s.gid, s.mode & 0o777]).toEqual([4321, 4321, 0o600]);
  });
});
