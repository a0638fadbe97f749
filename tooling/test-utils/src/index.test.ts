import { spawn } from "node:child_process";
import { lstat, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { BAD_PATH_KINDS, BAD_PATH_REASONS, makeBadPath, makeBadPaths } from "./bad-paths.js";
import { leftBehind } from "./left-behind.js";
import { rejection } from "./rejection.js";
import { makeTempHome } from "./temp-home.js";
import { tempHomes } from "./temp-homes.js";

describe("rejection", () => {
  it("returns the CredchainError a promise rejects with", async () => {
    const e = new CredchainError({ code: "NoCredentials", message: "none" });
    expect(await rejection(Promise.reject(e))).toBe(e);
  });

  it("fails on a fulfilment or another kind of error", async () => {
    await expect(rejection(Promise.resolve(1))).rejects.toThrow(/expected a rejection/);
    await expect(rejection(Promise.reject(new TypeError("x")))).rejects.toThrow(/expected a CredchainError, got TypeError: x/);
  });
});

describe("makeTempHome", () => {
  it("writes files under a fresh directory and removes it", async () => {
    const home = await makeTempHome("credchain-test-utils-");
    await home.write({ ".aws/config": "[default]\n" });
    expect(await readFile(join(home.dir, ".aws", "config"), "utf8")).toBe("[default]\n");
    await home.remove();
    await expect(stat(home.dir)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("writes the files it is given, {{HOME}} in text as its own path, buffers as they are, with a mode", async () => {
    const home = await makeTempHome("credchain-test-utils-", { ".aws/config": "[x]\ncredential_process = {{HOME}}/p {{HOME}}\n", raw: Buffer.from("{{HOME}}") });
    await home.write({ "cache/t.json": "{}" }, { mode: 0o600 });
    expect(await readFile(join(home.dir, ".aws/config"), "utf8")).toBe(`[x]\ncredential_process = ${home.dir}/p ${home.dir}\n`);
    expect(await readFile(join(home.dir, "raw"), "utf8")).toBe("{{HOME}}");
    expect((await stat(join(home.dir, "cache/t.json"))).mode & 0o777).toBe(0o600);
    await home.remove();
  });

  it("gives the environment of a run in it: HOME, IMDS off, no system boto config, then the extra", async () => {
    const home = await makeTempHome("credchain-test-utils-");
    expect(home.env({ AWS_PROFILE: "dev", AWS_EC2_METADATA_DISABLED: "false" })).toEqual({
      HOME: home.dir,
      AWS_EC2_METADATA_DISABLED: "false",
      BOTO_CONFIG: join(home.dir, "no-boto.cfg"),
      AWS_PROFILE: "dev",
    });
    await home.remove();
  });
});

describe("tempHomes", () => {
  const made: string[] = [];
  describe("a file's tests", () => {
    const home = tempHomes("credchain-test-utils-");
    it("make homes", async () => {
      made.push((await home()).dir, (await home({ a: "1" })).dir);
      expect(await readFile(join(made[1] ?? "", "a"), "utf8")).toBe("1");
    });
  });
  it("and the homes are gone when they end", async () => {
    expect(made).toHaveLength(2);
    for (const dir of made) await expect(stat(dir)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("makeBadPaths", () => {
  it("makes a FIFO, a directory, a dangling symlink and a sparse file one byte over the cap", async () => {
    const home = await makeTempHome("credchain-test-utils-");
    const bad = await makeBadPaths(home.dir, 1024);
    expect((await lstat(bad.fifo)).isFIFO()).toBe(true);
    expect((await stat(bad.devZero)).isCharacterDevice()).toBe(true);
    expect((await stat(bad.directory)).isDirectory()).toBe(true);
    expect((await lstat(bad.danglingSymlink)).isSymbolicLink()).toBe(true);
    await expect(stat(bad.danglingSymlink)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await stat(bad.overCap)).size).toBe(1025);
    expect(Object.keys(BAD_PATH_REASONS).sort()).toEqual(Object.keys(bad).sort());
    expect([...BAD_PATH_KINDS].sort()).toEqual(Object.keys(bad).sort());
    await makeBadPath("devZero", join(home.dir, "zero-here"), 0);
    expect((await stat(join(home.dir, "zero-here"))).isCharacterDevice()).toBe(true);
    await home.remove();
  });
});

describe("leftBehind", () => {
  it("kills the processes named by its pid files, and tolerates missing files and gone processes", async () => {
    const home = await makeTempHome("credchain-test-utils-");
    const left = leftBehind();
    const child = spawn("sleep", ["60"], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await writeFile(left.pidFile(join(home.dir, "a.pid")), String(child.pid));
    left.pidFile(join(home.dir, "missing.pid"));
    await writeFile(left.pidFile(join(home.dir, "gone.pid")), "999999999");
    await left.killAll();
    expect(await exited).toBe("SIGKILL");
    await home.remove();
  });
});
