import { createCredentials } from "@credchain/core";
import { botocoreClientCalls, HAS_BOTOCORE, recordingTransport } from "@credchain/test-utils";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromAssumeRole } from "../src/from-assume-role.js";
import { fromWebIdentity } from "../src/from-web-identity.js";
import { ROLE } from "./helpers.js";

// fromAssumeRole and fromWebIdentity used on their own (no chain, no profile) read the region,
// endpoint and retry settings from env as botocore's STS client does. Each request is stopped by
// a recording transport (nothing leaves the machine) and compared with where botocore's client
// for the same env sends its first request.

const CASES: Record<string, string>[] = [
  {},
  { AWS_DEFAULT_REGION: "eu-west-1" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_STS_REGIONAL_ENDPOINTS: "legacy" },
  { AWS_DEFAULT_REGION: "me-south-1", AWS_STS_REGIONAL_ENDPOINTS: "legacy" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_USE_FIPS_ENDPOINT: "TRUE" },
  { AWS_DEFAULT_REGION: "us-east-1", AWS_USE_DUALSTACK_ENDPOINT: "true" },
  { AWS_DEFAULT_REGION: "cn-north-1" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9/sts" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_ENDPOINT_URL: "http://127.0.0.1:8", AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" },
  { AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" },
  { AWS_DEFAULT_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "1" },
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "credchain-sts-standalone-"));
  await writeFile(join(dir, "token"), "a-web-identity-token");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

type Call = { url?: string; signingRegion?: string; maxAttempts?: number; error?: string };

async function assumeRole(env: Record<string, string>): Promise<Call> {
  const { transport, requests } = recordingTransport();
  const source = async () => createCredentials({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "x", source: "env" });
  const error = await fromAssumeRole({ env, transport, sleep: async () => {}, sourceCredentials: source, roleArn: ROLE })().catch((e: { code?: string }) => e);
  if (requests.length === 0) return { error: (error as { code?: string }).code };
  return { url: requests[0]!.url, signingRegion: requests[0]!.signingRegion, maxAttempts: requests.length };
}

async function webIdentity(env: Record<string, string>): Promise<Call> {
  const { transport, requests } = recordingTransport();
  const all = { ...env, AWS_WEB_IDENTITY_TOKEN_FILE: join(dir, "token"), AWS_ROLE_ARN: ROLE };
  const error = await fromWebIdentity({ env: all, transport, sleep: async () => {} })().catch((e: { code?: string }) => e);
  if (requests.length === 0) return { error: (error as { code?: string }).code };
  return { url: requests[0]!.url, maxAttempts: requests.length };
}

/** Our call in the terms of the botocore helper: its exception names; attempts only where botocore reports them (AWS_MAX_ATTEMPTS set). */
function asBotocore(c: Call, reported: number | undefined): Call {
  if (c.error) return { error: c.error === "NoRegion" ? "NoRegionError" : c.error };
  return { url: c.url, ...(c.signingRegion && { signingRegion: c.signingRegion }), maxAttempts: reported === undefined ? null! : c.maxAttempts! };
}

describe("fromAssumeRole and fromWebIdentity on their own", () => {
  it("read the region from env: AWS_REGION first (credchain), then AWS_DEFAULT_REGION, no longer the global endpoint", async () => {
    expect(await assumeRole({ AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-west-2" })).toMatchObject({ url: "https://sts.eu-west-1.amazonaws.com/", signingRegion: "eu-west-1" });
    expect(await assumeRole({ AWS_DEFAULT_REGION: "eu-west-2" })).toMatchObject({ url: "https://sts.eu-west-2.amazonaws.com/", signingRegion: "eu-west-2" });
    expect(await assumeRole({})).toMatchObject({ url: "https://sts.amazonaws.com/", signingRegion: "us-east-1" });
    expect(await webIdentity({ AWS_REGION: "ap-south-1" })).toMatchObject({ url: "https://sts.ap-south-1.amazonaws.com/" });
  });

  it("call a custom endpoint from AWS_ENDPOINT_URL_STS with the env region (it used to be NoRegion)", async () => {
    expect(await assumeRole({ AWS_DEFAULT_REGION: "eu-west-1", AWS_ENDPOINT_URL_STS: "http://127.0.0.1:9" })).toMatchObject({ url: "http://127.0.0.1:9/", signingRegion: "eu-west-1" });
  });

  it("make AWS_MAX_ATTEMPTS attempts", async () => {
    expect((await assumeRole({ AWS_DEFAULT_REGION: "eu-west-1", AWS_MAX_ATTEMPTS: "2" })).maxAttempts).toBe(2);
    expect((await webIdentity({ AWS_MAX_ATTEMPTS: "4" })).maxAttempts).toBe(4);
    expect(await assumeRole({ AWS_MAX_ATTEMPTS: "two" })).toEqual({ error: "InvalidConfig" });
  });

  it.skipIf(!HAS_BOTOCORE)("send each request where botocore's STS client does for the same env", async () => {
    const theirs = await botocoreClientCalls(CASES.map((env) => ({ service: "sts", env })));
    const ours = await Promise.all(CASES.map(assumeRole));
    expect(ours.map((c, i) => asBotocore(c, theirs[i]!.maxAttempts ?? undefined))).toEqual(theirs);
    const unsigned = await Promise.all(CASES.map(webIdentity));
    expect(unsigned.map((c, i) => asBotocore(c, theirs[i]!.maxAttempts ?? undefined))).toEqual(theirs.map(({ signingRegion: _, ...t }) => t));
  }, 60_000);
});
