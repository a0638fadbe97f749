import type { CredentialProvider } from "@credchain/core";
import { startContainer, type ContainerEmulator } from "@credchain/emulator";
import { withRefresh } from "@credchain/refresh-manager";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedFetch } from "../src/index.js";
import type { KeyEntry } from "./aws4-verifier.js";
import { fromContainerUrl } from "./container-provider.js";
import { startSigV4Server } from "./sigv4-server.js";
import { signingInterceptor } from "../src/undici.js";

const region = "us-east-1";
const service = "execute-api";
const RUN_MS = 2000;
const ROTATE_EVERY_MS = 100;
// Short-lived credentials, so the refresh manager's default windows (a quarter and a sixth of the
// lifetime) make it refresh several times during the run.
const LIFETIME_MS = 1000;

let container: ContainerEmulator;
let server: Awaited<ReturnType<typeof startSigV4Server>>;
const keys = new Map<string, KeyEntry>();
let serial = 0;

/** Serves fresh credentials and tells the server about them; they stay valid until they expire. */
function rotate() {
  const n = String(++serial).padStart(6, "0");
  // Whole seconds: the endpoint serves Expiration without fractions.
  const expiresAt = Math.ceil((Date.now() + LIFETIME_MS) / 1000) * 1000;
  const secretAccessKey = `rotated/secret/${n}`;
  const sessionToken = `rotated-token-${n}`;
  keys.set(`ASIAROTATE${n}`, { secretAccessKey, sessionToken, expiresAt });
  container.setCredentials({ accessKeyId: `ASIAROTATE${n}`, secretAccessKey, sessionToken, expiration: expiresAt });
}

beforeAll(async () => {
  container = await startContainer();
  server = await startSigV4Server({ region, service, keys });
  rotate();
});
afterAll(async () => {
  await server.close();
  await container.close();
});

/** Sends requests from five workers (three through createSignedFetch, two through undici) for RUN_MS. */
async function hammer(credentials: CredentialProvider) {
  const signedFetch = createSignedFetch({ credentials, region, service });
  const agent = new Agent();
  const dispatcher = agent.compose(signingInterceptor({ credentials, region, service }));
  const failures: string[] = [];
  const before = server.seen.length;
  let sent = 0;
  const deadline = Date.now() + RUN_MS;
  const rotation = setInterval(rotate, ROTATE_EVERY_MS);

  const viaFetch = async (worker: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      sent++;
      const res = await signedFetch(`${server.url}/work/${worker}?i=${i}&tag=a&tag=b`, { method: "POST", body: `fetch ${worker}/${i}` }).catch(
        (e: Error) => e,
      );
      if (res instanceof Error) failures.push(res.message);
      else if (res.status !== 200) failures.push(await res.text());
      else await res.arrayBuffer();
    }
  };
  const viaUndici = async (worker: number) => {
    for (let i = 0; Date.now() < deadline; i++) {
      sent++;
      try {
        const res = await request(`${server.url}/undici/${worker}?i=${i}`, { method: "PUT", body: `undici ${i}`, dispatcher });
        const text = await res.body.text();
        if (res.statusCode !== 200) failures.push(text);
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
  };

  try {
    await Promise.all([viaFetch(1), viaFetch(2), viaFetch(3), viaUndici(4), viaUndici(5)]);
  } finally {
    clearInterval(rotation);
    await agent.close();
  }
  const seen = server.seen.slice(before);
  const usedKeys = new Set(seen.map((r) => (r.verdict.ok ? r.verdict.accessKeyId : undefined)).filter(Boolean));
  return { failures, sent, received: seen.length, usedKeys: usedKeys.size };
}

describe("end to end: container credentials rotating under a steady request stream", () => {
  it("default refresh windows: zero failures, credentials refreshed as they near expiry", async () => {
    const credentials = fromContainerUrl(container.fullUri);
    const result = await hammer(credentials);
    expect(result.failures).toEqual([]);
    expect(result.sent).toBeGreaterThan(20);
    expect(result.received).toBe(result.sent);
    // Refreshed during the run (the signer wrapped the provider itself), never once per request.
    expect(result.usedKeys).toBeGreaterThanOrEqual(2);
    expect(credentials.calls).toBeGreaterThanOrEqual(2);
    expect(credentials.calls).toBeLessThan(result.sent / 10);
  }, 15_000);

  it("a provider already wrapped to refresh every ~300 ms: zero failures across many rotations", async () => {
    const upstream = fromContainerUrl(container.fullUri);
    // Refresh 300 ms after issue; never wait unless under 150 ms remain.
    const credentials = withRefresh(upstream, { advisoryWindowMs: (lifetime) => lifetime - 300, mandatoryWindowMs: 150, retryIntervalMs: 50 });
    const result = await hammer(credentials);
    expect(result.failures).toEqual([]);
    expect(result.received).toBe(result.sent);
    expect(result.usedKeys).toBeGreaterThanOrEqual(4);
    expect(upstream.calls).toBeLessThan(result.sent / 10);
  }, 15_000);
});
