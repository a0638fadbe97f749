import { spawn } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import { leftBehind } from "./left-behind.js";
import { rejection } from "./rejection.js";
import { makeTempHome } from "./temp-home.js";

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
