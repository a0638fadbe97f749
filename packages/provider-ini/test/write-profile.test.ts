import { execFileSync } from "node:child_process";
import { lstat, mkdir, readFile, stat, symlink, truncate, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { tempHomes } from "@credchain/test-utils";
import { describe, expect, it } from "vitest";
import { writeProfile } from "../src/write-profile.js";

// Temp directories made here are removed when the file's tests end.
const homes = tempHomes("credchain-write-");
const home = async (): Promise<string> => (await homes()).dir;

describe("writeProfile", () => {
  it("puts keys where aws configure set does and creates missing files with mode 0600", async () => {
    const h = await home();
    const written = await writeProfile({
      env: { HOME: h },
      profile: "dev",
      values: { aws_access_key_id: "AKID", aws_secret_access_key: "s3cret", region: "eu-west-1" },
    });
    expect(written).toEqual([join(h, ".aws", "credentials"), join(h, ".aws", "config")]);
    expect(await readFile(join(h, ".aws", "credentials"), "utf8")).toBe("[dev]\naws_access_key_id = AKID\naws_secret_access_key = s3cret\n");
    expect(await readFile(join(h, ".aws", "config"), "utf8")).toBe("[profile dev]\nregion = eu-west-1\n");
    expect((await stat(join(h, ".aws", "credentials"))).mode & 0o777).toBe(0o600);
    expect((await stat(join(h, ".aws"))).mode & 0o777).toBe(0o700);
  });

  it("keeps an existing file's mode and other bytes, and leaves no temp files", async () => {
    const h = await home();
    const path = join(h, "cfg");
    await writeFile(path, "# keep me\n[default]\nregion = a\n", { mode: 0o644 });
    await writeProfile({ env: { HOME: h, AWS_CONFIG_FILE: path }, profile: "default", values: { region: "b" } });
    expect(await readFile(path, "utf8")).toBe("# keep me\n[default]\nregion = b\n");
    expect((await stat(path)).mode & 0o777).toBe(0o644);
    expect(await readdir(h)).toEqual(["cfg"]);
  });

  it("follows AWS_SHARED_CREDENTIALS_FILE with ~ expanded", async () => {
    const h = await home();
    await writeProfile({ env: { HOME: h, AWS_SHARED_CREDENTIALS_FILE: "~/creds" }, profile: "default", values: { aws_session_token: "t" } });
    expect(await readFile(join(h, "creds"), "utf8")).toBe("[default]\naws_session_token = t\n");
  });

  it("keeps every key of concurrent writers to one file (each re-reads under the lock)", async () => {
    const h = await home();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writeProfile({ env: { HOME: h }, profile: `p${i}`, values: { aws_access_key_id: `AKID${i}`, region: `r${i}` } }),
      ),
    );
    const credentials = await readFile(join(h, ".aws", "credentials"), "utf8");
    const config = await readFile(join(h, ".aws", "config"), "utf8");
    for (let i = 0; i < 20; i++) {
      expect(credentials).toContain(`[p${i}]\naws_access_key_id = AKID${i}\n`);
      expect(config).toContain(`[profile p${i}]\nregion = r${i}\n`);
    }
    expect((await readdir(join(h, ".aws"))).sort()).toEqual(["config", "credentials"]);
  });

  it("writes through a symlinked credentials file: the link stays, its target gets the keys", async () => {
    const h = await home();
    await mkdir(join(h, "dotfiles"));
    await mkdir(join(h, ".aws"));
    await writeFile(join(h, "dotfiles", "credentials"), "[default]\naws_access_key_id = A\n", { mode: 0o640 });
    await symlink("../dotfiles/credentials", join(h, ".aws", "credentials"));
    await writeProfile({ env: { HOME: h }, profile: "dev", values: { aws_access_key_id: "B" } });
    expect((await lstat(join(h, ".aws", "credentials"))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(h, "dotfiles", "credentials"), "utf8")).toBe("[default]\naws_access_key_id = A\n\n[dev]\naws_access_key_id = B\n");
    expect((await stat(join(h, "dotfiles", "credentials"))).mode & 0o777).toBe(0o640);
    expect(await readdir(join(h, "dotfiles"))).toEqual(["credentials"]);
  });

  it("refuses a path that is not a regular file, naming it, and leaves it alone", async () => {
    const h = await home();
    execFileSync("mkfifo", [join(h, "fifo")]);
    const e = await writeProfile({ env: { HOME: h, AWS_CONFIG_FILE: join(h, "fifo") }, profile: "dev", values: { region: "x" } }).catch((error: unknown) => error);
    expect(e).toMatchObject({ code: "ConfigNotFound", file: join(h, "fifo"), message: `cannot write ${join(h, "fifo")}: not a regular file` });
    expect((await lstat(join(h, "fifo"))).isFIFO()).toBe(true);
    expect(await readdir(h)).toEqual(["fifo"]);
  });

  it("refuses a file over 16 MiB without reading it whole", async () => {
    const h = await home();
    const big = join(h, "big");
    await writeFile(big, "");
    await truncate(big, 16 * 1024 * 1024 + 1); // sparse: no 16 MiB written
    const e = await writeProfile({ env: { HOME: h, AWS_CONFIG_FILE: big }, profile: "dev", values: { region: "x" } }).catch((error: unknown) => error);
    expect(e).toMatchObject({ code: "ConfigNotFound", file: big, message: `cannot write ${big}: larger than 16 MiB` });
    expect((await stat(big)).size).toBe(16 * 1024 * 1024 + 1);
  });
});
