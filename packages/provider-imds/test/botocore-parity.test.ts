import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CredchainError } from "@credchain/core";
import { startImds, type Fault, type ImdsEmulator } from "@credchain/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fromInstanceMetadata } from "../src/from-instance-metadata.js";

// Runs botocore's iam-role provider (as its default chain builds it, config resolution included)
// and ours on the same env against the same emulator, and compares outcomes.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json
import botocore.session
from botocore.credentials import create_credential_resolver
try:
    provider = create_credential_resolver(botocore.session.Session()).get_provider("iam-role")
    c = provider.load()
    print(json.dumps({"outcome": "none"} if c is None else {"outcome": "credentials", "accessKeyId": c.access_key}))
except Exception as e:
    print(json.dumps({"outcome": type(e).__name__}))
`;

/** Our outcome in botocore's words. */
const BOTOCORE_NAME: Record<string, string[]> = {
  InvalidConfig: ["InvalidIMDSEndpointModeError", "InvalidIMDSEndpointError", "ValueError"],
  MetadataRetrieval: ["MetadataRetrievalError"],
  CredentialRetrieval: ["TypeError", "ParserError"],
};

let dir: string;
let imds: ImdsEmulator;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-imds-parity-"));
  imds = await startImds();
});
afterAll(async () => {
  await imds?.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => imds.clearFaults());

type Outcome = { outcome: string; accessKeyId?: string };

function botocore(env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT], { env: { PATH: process.env.PATH ?? "", HOME: dir, ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr));
      else resolve(JSON.parse(stdout) as Outcome);
    });
  });
}

async function ours(env: Record<string, string>): Promise<Outcome> {
  try {
    const c = await fromInstanceMetadata({ env, negativeCacheMs: 0 })();
    return { outcome: "credentials", accessKeyId: c.accessKeyId };
  } catch (error) {
    if (!CredchainError.isInstance(error)) throw error;
    return { outcome: error.tryNextLink ? "none" : error.code };
  }
}

const ROLE = "/latest/meta-data/iam/security-credentials/credchain-emulator-role";
const CREDS = "/latest/meta-data/iam/security-credentials*";

describe.skipIf(!hasBotocore)("parity with botocore's InstanceMetadataProvider", () => {
  const scenarios: [string, Record<string, string>, [string, Fault][]][] = [
    ["IMDSv2", {}, []],
    ["disabled", { AWS_EC2_METADATA_DISABLED: "True" }, []],
    ["token 404 → IMDSv1", {}, [["/latest/api/token", 404]]],
    ["token 405 → IMDSv1", {}, [["/latest/api/token", 405]]],
    ["token 503 → IMDSv1", { AWS_METADATA_SERVICE_NUM_ATTEMPTS: "2" }, [["/latest/api/token", 503]]],
    ["token 400", {}, [["/latest/api/token", 400]]],
    ["token 403 with v1 disabled", { AWS_EC2_METADATA_V1_DISABLED: "true" }, [["/latest/api/token", 403]]],
    ["no role (listing 404)", {}, [["/latest/meta-data/iam/security-credentials/", 404]]],
    ["empty listing", {}, [["/latest/meta-data/iam/security-credentials/", { status: 200, body: "" }]]],
    ["malformed credentials", {}, [[CREDS, "malformed-json"]]],
    ["truncated credentials", {}, [[CREDS, "truncated-json"]]],
    ["credentials 500", {}, [[CREDS, 500]]],
    ["credentials missing Token", {}, [[CREDS, { status: 200, body: JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S", Expiration: "2026-11-22T18:00:00Z" }) }]]],
    ["credentials JSON null", {}, [[CREDS, { status: 200, body: "null" }]]],
    ["credentials JSON array", {}, [[CREDS, { status: 200, body: "[]" }]]],
    ["Expiration not a date", {}, [[CREDS, { status: 200, body: JSON.stringify({ AccessKeyId: "A", SecretAccessKey: "S", Token: "T", Expiration: "soon" }) }]]],
    ["bad endpoint mode", { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: "IPv5" }, []],
    ["bad timeout", { AWS_METADATA_SERVICE_TIMEOUT: "1.5" }, []],
  ];

  it.each(scenarios)("%s", async (_, extraEnv, faults) => {
    for (const [route, fault] of faults) imds.fault(route, fault);
    const env = { ...imds.env, ...extraEnv };
    const [theirs, mine] = [await botocore(env), await ours(env)];
    if (theirs.outcome === "none" || theirs.outcome === "credentials") expect(mine).toEqual(theirs);
    else expect(BOTOCORE_NAME[mine.outcome]).toContain(theirs.outcome);
  }, 20_000);

  it("botocore reads only the legacy path (ours reads the extended one)", async () => {
    const before = imds.requests.length;
    await botocore(imds.env);
    expect(imds.requests.slice(before).map((r) => r.path)).toContain(ROLE);
  }, 20_000);
});
