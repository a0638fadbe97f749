// Signing, credchain's `signRequest` against `@smithy/signature-v4` called directly, run inside a
// worker process (see worker.ts). Both sign the same request with the same credentials, region,
// service and SHA-256 (credchain's node:crypto `Sha256`, which smithy needs handed to it anyway),
// so the difference is what credchain's wrapper adds: its checks (#13), URL and query parsing,
// header copying, the credential cache.
import { signRequest, Sha256 } from "@credchain/signer";
import { SignatureV4 } from "@smithy/signature-v4";
import { median } from "./stats.js";
import type { Throughput } from "./tiny.js";

type Lib = "credchain" | "sdk";

const REGION = "eu-west-1";
const SERVICE = "execute-api";

interface Request {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** One way to sign a request and get the headers to send. */
type Sign = (request: Request) => Promise<Record<string, string>>;

function signerFor(lib: Lib): Sign {
  const accessKeyId = String(process.env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = String(process.env.AWS_SECRET_ACCESS_KEY);
  if (lib === "credchain") {
    // One provider function for the whole run, as an application holds one: signRequest puts a
    // refresh-managed cache around it once and serves every later call from that cache.
    const credentials = async () => ({ accessKeyId, secretAccessKey, source: "explicit" as const });
    return (request) => signRequest(request, { credentials, region: REGION, service: SERVICE });
  }
  // What a user of smithy writes to sign the same thing: one signer, and per request the URL
  // parsed into smithy's request shape (host header included, as the request will carry it).
  const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey }, region: REGION, service: SERVICE, sha256: Sha256, applyChecksum: false });
  return async ({ method, url, headers, body }) => {
    const u = new URL(url);
    const signed = await signer.sign({
      method,
      protocol: u.protocol,
      hostname: u.hostname,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: { ...headers, host: u.host },
      body,
    });
    return signed.headers;
  };
}

/** An API Gateway style POST: a JSON body, two query parameters, a content type. */
const API_CALL: Request = {
  method: "POST",
  url: "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?limit=10&sort=name",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ name: "widget", size: 3 }),
};

/**
 * Requests signed per CPU-second: the median over batches of the process's CPU time (user +
 * system, garbage collection included) per sign. CPU time, not wall time: signing never waits,
 * and on a shared machine wall time mostly measures who else was scheduled.
 */
export async function signThroughput(lib: Lib, timeMs: number): Promise<Throughput> {
  const sign = signerFor(lib);
  const headers = await sign(API_CALL);
  if (!headers.authorization?.startsWith("AWS4-HMAC-SHA256 ")) throw new Error(`${lib} signed without an authorization header`);
  const batch = 200;
  let calls = 1;
  for (let i = 0; i < 2000; i++, calls++) await sign(API_CALL);
  const perSignUs: number[] = [];
  const end = performance.now() + timeMs;
  while (perSignUs.length < 5 || performance.now() < end) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < batch; i++) await sign(API_CALL);
    const used = process.cpuUsage(cpu);
    perSignUs.push((used.user + used.system) / batch);
    calls += batch;
  }
  const us = median(perSignUs);
  return { opsPerSec: 1e6 / us, meanMs: us / 1000, p50Ms: us / 1000, calls };
}

/** A GET with `n` distinct query parameters. */
const queryUrl = (n: number) => `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items?${Array.from({ length: n }, (_, i) => `k${i}=v${i}`).join("&")}`;

/**
 * CPU milliseconds to sign a GET with `n` query parameters (as for throughput, CPU rather than
 * wall time): the median of `samples` signs, after a warm-up on a small query so neither side
 * pays for loading or first compilation here.
 */
export async function signQueryTime(lib: Lib, n: number, samples: number): Promise<{ n: number; ms: number; samples: number }> {
  const sign = signerFor(lib);
  for (let i = 0; i < 200; i++) await sign({ method: "GET", url: queryUrl(8), headers: {} });
  const request = { method: "GET", url: queryUrl(n), headers: {} };
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const cpu = process.cpuUsage();
    await sign(request);
    const used = process.cpuUsage(cpu);
    times.push((used.user + used.system) / 1000);
  }
  return { n, ms: median(times), samples };
}
