import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { realTarget } from "../src/real-target.js";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  // Real, so the expectations hold where the temp dir itself is behind a link (macOS /tmp).
  const dir = await realpath(await mkdtemp(join(tmpdir(), "credchain-target-")));
  temps.push(dir);
  return dir;
};

describe(realTarget.name, () => {
  it("is the path itself for a file, a missing file, or a file in a missing directory", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "f"), "x");
    expect(await realTarget(join(dir, "f"))).toBe(join(dir, "f"));
    expect(await realTarget(join(dir, "none"))).toBe(join(dir, "none"));
    expect(await realTarget(join(dir, "no", "such", "f"))).toBe(join(dir, "no", "such", "f"));
    // A link in the directory part resolves too: the lock and temp file land in the real directory.
    await symlink(dir, join(dir, "alias"));
    expect(await realTarget(join(dir, "alias", "f"))).toBe(join(dir, "f"));
  });

  it("follows a chain of relative and absolute links, also to a file that does not exist yet", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "dotfiles", "aws"), { recursive: true });
    await symlink("dotfiles/aws/credentials", join(dir, "hop"));
    await symlink(join(dir, "hop"), join(dir, "credentials"));
    expect(await realTarget(join(dir, "credentials"))).toBe(join(dir, "dotfiles", "aws", "credentials"));
    await writeFile(join(dir, "dotfiles", "aws", "credentials"), "");
    expect(await realTarget(join(dir, "credentials"))).toBe(join(dir, "dotfiles", "aws", "credentials"));
  });

  it("rejects a symlink loop with ELOOP", async () => {
    const dir = await tempDir();
    await symlink("b", join(dir, "a"));
    await symlink("a", join(dir, "b"));
    await expect(realTarget(join(dir, "a"))).rejects.toMatchObject({ code: "ELOOP" });
  });
});
