import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
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
