import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startContainer } from "../src/start-container.js";
import { startImds } from "../src/start-imds.js";

// The reference client: botocore itself, pointed at the emulator on loopback.
const hasBotocore = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" }).status === 0;

const SCRIPT = `
import json, os, botocore.session
from botocore.utils import InstanceMetadataRegionFetcher
c = botocore.session.get_session().get_credentials()
out = {"method": None}
if c is not None:
    f = c.get_frozen_credentials()
    out = {"method": c.method, "access_key": f.access_key, "secret_key": f.secret_key, "token": f.token,
           "account_id": getattr(f, "account_id", None)}
if os.environ.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"):
    out["region"] = InstanceMetadataRegionFetcher(base_url=os.environ["AWS_EC2_METADATA_SERVICE_ENDPOINT"]).retrieve_region()
print(json.dumps(out))
`;

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), "credchain-emulator-"));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

function botocore(env: Record<string, string>): Promise<Record<string, unknown>> {
  const scrubbed = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    AWS_CONFIG_FILE: join(home, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "credentials"),
    ...env,
  };
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", SCRIPT], { env: scrubbed }, (error, stdout, stderr) => {
      if (error) reject(new Error(`python3 failed: ${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, unknown>);
    });
  });
}

describe.skipIf(!hasBotocore)("botocore against the emulator", () => {
  it("InstanceMetadataProvider gets IMDSv2 credentials and the region", async () => {
    const imds = await startImds({ allowV1: false, region: "eu-central-1" });
    try {
      const out = await botocore(imds.env);
      const c = imds.credentials();
      expect(out).toMatchObject({ method: "iam-role", access_key: c.accessKeyId, secret_key: c.secretAccessKey, token: c.sessionToken, region: "eu-central-1" });
      expect(imds.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toContain("PUT /latest/api/token 200");
      expect(imds.requests.filter((r) => r.method === "GET").every((r) => r.headers["x-aws-ec2-metadata-token"] === "[redacted]")).toBe(true);
    } finally {
      await imds.close();
    }
  });

  it("falls back to IMDSv1 when the token route answers 404 (an IMDS without v2)", async () => {
    const imds = await startImds();
    imds.fault("/latest/api/token", 404);
    try {
      const out = await botocore(imds.env);
      expect(out.method).toBe("iam-role");
      expect(imds.requests.filter((r) => r.method === "GET").every((r) => r.headers["x-aws-ec2-metadata-token"] === undefined)).toBe(true);
    } finally {
      await imds.close();
    }
  });

  it("retries nothing on a transient 503 by default and finds no credentials", async () => {
    const imds = await startImds();
    imds.fault("/latest/meta-data/iam/security-credentials/", 503, { times: 1 });
    try {
      expect((await botocore(imds.env)).method).toBeNull();
    } finally {
      await imds.close();
    }
  });

  it("ContainerProvider gets credentials with AWS_CONTAINER_AUTHORIZATION_TOKEN", async () => {
    const container = await startContainer({ authorizationToken: "Bearer local-dev" });
    try {
      const out = await botocore({ ...container.env, AWS_EC2_METADATA_DISABLED: "true" });
      const c = container.credentials();
      expect(out).toEqual({ method: "container-role", access_key: c.accessKeyId, secret_key: c.secretAccessKey, token: c.sessionToken, account_id: "123456789012" });
      expect(container.requests[0]!.headers.authorization).toBe("[redacted]");
    } finally {
      await container.close();
    }
  });

  it("ContainerProvider fails on a wrong authorization token (403)", async () => {
    const container = await startContainer({ authorizationToken: "right" });
    try {
      await expect(
        botocore({ ...container.env, AWS_CONTAINER_AUTHORIZATION_TOKEN: "wrong", AWS_EC2_METADATA_DISABLED: "true" }),
      ).rejects.toThrow(/CredentialRetrievalError[\s\S]*non 200 response 403/);
      // botocore tries three times, a second apart.
      expect(container.requests.map((r) => r.status)).toEqual([403, 403, 403]);
    } finally {
      await container.close();
    }
  }, 15_000);
});
