import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runOk } from "../src/run.js";
import { userEnv } from "./user-env.js";

const { app } = inject("packCheck");

// A program that imports core (ESM) and requires providers (CommonJS) holds two copies of core.
// CredchainError.isInstance and `instanceof TransportError` check a Symbol.for brand, so they hold
// across the copies; a class identity check would not.
describe("two copies of core in one program (ESM and CommonJS)", () => {
  it("errors from one are recognised by the other, and STS treats an ES transport's error as what it is", async () => {
    copyFileSync(new URL("../fixtures/dual-package.mjs", import.meta.url), join(app, "dual-package.mjs"));
    const r = JSON.parse(await runOk(process.execPath, ["dual-package.mjs"], { cwd: app, env: userEnv(app), timeoutMs: 30_000 }));
    expect(r).toMatchObject({
      twoCopies: true,
      transportErrorEsmToCjs: true,
      transportErrorCjsToEsm: true,
      plainErrorIsNot: false,
      credchainErrorCjsToEsm: true,
      partialCode: "PartialCredentials",
      sts: { code: "CredentialRetrieval", calls: 1 },
    });
    expect(r.sts.message).toContain("the response was too large");
  });
});
