import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createSignedFetch } from "@credchain/signer";
import { describe, expect, it } from "vitest";
import { INVALID_TOKEN_MESSAGE, main, startOpenSearchServer, type KeyEntry } from "./index.js";

const SECRETS = /emulatorSecretAccessKey|emulatorSessionToken|ASIAEMULATOR\d|credchain-example-token/;

describe("opensearch-signing example", () => {
  it("keeps signing through many rotations: zero failures, through fetch and the OpenSearch client", async () => {
    const lines: string[] = [];
    const summary = await main({ log: (l) => lines.push(l) });
    expect(summary.failureSamples).toEqual([]);
    expect(summary.failures).toBe(0);
    expect(summary.requests).toBeGreaterThan(100);
    expect(summary.rotations).toBeGreaterThanOrEqual(5);
    // The clients picked rotated credentials up while requests kept flowing.
    expect(summary.keysUsed).toBeGreaterThanOrEqual(2);
    // Refreshed from the cache's windows, not fetched per request.
    expect(summary.credentialFetches).toBeLessThan(summary.requests / 10);
    expect(summary.openSearchClient.requests).toBeGreaterThan(10);
    expect(summary.openSearchClient.failures).toBe(0);
    expect(summary.expiredKeyRefused).toBe(true);
    expect(lines.join("\n")).toContain("failures:            0");
    expect(lines.join("\n")).not.toMatch(SECRETS);
  }, 20_000);

  it("the local server refuses unsigned, unknown-key, expired-key and tampered requests", async () => {
    const region = "eu-west-1";
    const keys = new Map<string, KeyEntry>([
      ["AKIDVALID", { secretAccessKey: "valid-secret", expiresAt: Date.now() + 60_000 }],
      ["AKIDEXPIRED", { secretAccessKey: "expired-secret", expiresAt: Date.now() - 1 }],
    ]);
    const server = await startOpenSearchServer({ region, lookup: (id) => keys.get(id) });
    const signed = (accessKeyId: string, secretAccessKey: string) =>
      createSignedFetch({ credentials: async () => ({ accessKeyId, secretAccessKey, source: "explicit" }), refresh: false, region, service: "es" });
    try {
      expect((await signed("AKIDVALID", "valid-secret")(`${server.url}/_cluster/health`)).status).toBe(200);

      const unsigned = await fetch(`${server.url}/_cluster/health`);
      expect(unsigned.status).toBe(403);
      const expired = await signed("AKIDEXPIRED", "expired-secret")(`${server.url}/_cluster/health`);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { message: string }).message).toBe(INVALID_TOKEN_MESSAGE);
      const unknown = await signed("AKIDUNKNOWN", "whatever")(`${server.url}/_cluster/health`);
      expect(((await unknown.json()) as { message: string }).message).toBe(INVALID_TOKEN_MESSAGE);
      const wrongSecret = await signed("AKIDVALID", "not-the-secret")(`${server.url}/_cluster/health`);
      expect(wrongSecret.status).toBe(403);
      expect(((await wrongSecret.json()) as { message: string }).message).toMatch(/signature we calculated does not match/);
      // Region is part of the scope: a request signed for another region is refused.
      const otherRegion = createSignedFetch({
        credentials: async () => ({ accessKeyId: "AKIDVALID", secretAccessKey: "valid-secret", source: "explicit" }),
        region: "us-east-1",
        service: "es",
        refresh: false,
      });
      expect((await otherRegion(`${server.url}/_cluster/health`)).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it("pnpm start: the built program exits 0 and prints a clean summary without secrets", () => {
    const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const run = spawnSync(process.execPath, [entry], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" }, timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("failures:            0");
    expect(run.stdout).toContain("expired key refused: yes (403)");
    expect(run.stdout).not.toMatch(SECRETS);
  }, 40_000);
});
