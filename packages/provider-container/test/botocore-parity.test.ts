import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { startContainer, type ContainerEmulator } from "@credchain/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromContainerMetadata } from "../src/from-container-metadata.js";

// Runs botocore's ContainerProvider and ours on the same env against the same emulator and
// compares outcomes. botocore's sleep between attempts is set to 0 (outcomes are unchanged).
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, os
from botocore.credentials import ContainerProvider
from botocore.utils import ContainerMetadataFetcher
ContainerMetadataFetcher.SLEEP_TIME = 0
try:
    c = ContainerProvider(environ=dict(os.environ)).load()
    print(json.dumps({"outcome": "none"} if c is None else {"outcome": "credentials", "accessKeyId": c.access_key}))
except Exception as e:
    print(json.dumps({"outcome": type(e).__name__}))
`;

/** Our outcome in botocore's words. */
const BOTOCORE_NAME: Record<string, string[]> = {
  InvalidConfig: ["ValueError"],
  CredentialRetrieval: ["CredentialRetrievalError", "KeyError", "FileNotFoundError"],
};

let dir: string;
let container: ContainerEmulator;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-container-parity-"));
  container = await startContainer({ authorizationToken: "parity-token" });
});
afterAll(async () => {
  await container?.close();
  await rm(dir, { recursive: true, force: true });
});

function botocore(env: Record<string, string>): Promise<{ outcome: string; accessKeyId?: string }> {
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "", HOME: dir, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(JSON.parse(stdout) as { outcome: string; accessKeyId?: string });
    });
  });
}

async function ours(env: Record<string, string>): Promise<{ outcome: string; accessKeyId?: string }> {
  try {
    const c = await fromContainerMetadata({ env, sleep: async () => {} })();
    return { outcome: "credentials", accessKeyId: c.accessKeyId };
  } catch (error) {
    if (!CredchainError.isInstance(error)) throw error;
    return { outcome: error.tryNextLink ? "none" : error.code };
  }
}

describe.skipIf(!hasBotocore)("parity with botocore's ContainerProvider", () => {
  const scenarios: [string, (c: ContainerEmulator) => Promise<Record<string, string>>][] = [
    ["neither variable set", async () => ({})],
    ["FULL_URI with the right token", async (c) => c.env],
    ["token file (wins over the variable)", async (c) => {
      const file = join(dir, "token");
      await writeFile(file, "parity-token");
      return { ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN: "wrong", AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file };
    }],
    ["wrong token (403 three times)", async (c) => ({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN: "wrong" })],
    ["token with a newline", async (c) => ({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN: "parity-token\n" })],
    ["token file ending in a newline", async (c) => {
      const file = join(dir, "token-nl");
      await writeFile(file, "parity-token\n");
      return { ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: file };
    }],
    ["missing token file", async (c) => ({ ...c.env, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: join(dir, "absent") })],
    ["plain http to a non-loopback host", async () => ({ AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://creds.example.com/creds" })],
  ];

  it.each(scenarios)("%s", async (_, makeEnv) => {
    const env = await makeEnv(container);
    const [theirs, mine] = [await botocore(env), await ours(env)];
    if (theirs.outcome === "none" || theirs.outcome === "credentials") expect(mine).toEqual(theirs);
    else expect(BOTOCORE_NAME[mine.outcome]).toContain(theirs.outcome);
  }, 20_000);

  it.each([
    ["a response without Token", { status: 200, body: JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S", Expiration: "2026-11-22T18:00:00Z" }) }],
    ["malformed JSON", "malformed-json" as const],
    ["503", 503],
  ])("%s", async (_, fault) => {
    container.fault("/creds", fault);
    try {
      const [theirs, mine] = [await botocore(container.env), await ours(container.env)];
      expect(BOTOCORE_NAME[mine.outcome]).toContain(theirs.outcome);
    } finally {
      container.clearFaults();
    }
  }, 20_000);
});
