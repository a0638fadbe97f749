import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startImds, type ImdsEmulator } from "@credchain/emulator";
import { describe, expect, it, type TestContext } from "vitest";
import { homeWith } from "./home.js";

// Off EC2, the default chain must give up on IMDS within its timeout and attempts, and leave
// nothing behind that keeps the process alive. Measured on a real child process running the
// built package (dist), against a closed loopback port and the emulator's faults.
const FIXTURE = fileURLToPath(new URL("../fixtures/resolve-default-chain.mjs", import.meta.url));
const TIMEOUT_S = 1;
const ATTEMPTS = 2;
// Node's start-up, the chain's file reads, CI noise: a bound on hanging, not a micro-benchmark.
// Generous: this bounds a hang (many seconds), on a loaded 2-core CI machine, not a latency.
const MARGIN_MS = 4000;
// botocore gives up on the token at its first read timeout (then tries IMDSv1), and retries each
// GET `attempts` times: a silent endpoint costs the token timeout plus attempts × timeout.
const HANG_BOUND_MS = TIMEOUT_S * 1000 * (1 + ATTEMPTS) + MARGIN_MS;
// Whatever the endpoint does, the process must end this soon after printing its outcome.
const EXIT_LAG_MS = 1000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  result: { ok: boolean; code?: string; name?: string; message?: string; accessKeyId?: string; source?: string; settledMs: number };
  stderr: string;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

// The test's own onTestFinished: the global one may attach to another test when tests run concurrently.
async function emulator(t: TestContext, fault?: "hang" | "reset"): Promise<ImdsEmulator> {
  const imds = await startImds();
  t.onTestFinished(() => imds.close());
  if (fault) imds.fault("*", fault);
  return imds;
}

async function runChild(endpoint: string, args: string[] = []): Promise<Run> {
  const home = await homeWith({});
  const env = {
    HOME: home,
    BOTO_CONFIG: join(home, "no-boto.cfg"),
    AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint,
    AWS_METADATA_SERVICE_TIMEOUT: String(TIMEOUT_S),
    AWS_METADATA_SERVICE_NUM_ATTEMPTS: String(ATTEMPTS),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [FIXTURE, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  // A child kept alive by a handle is killed well after any bound below, so the test fails, not hangs.
  const guard = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on("exit", (c, s) => r([c, s])));
  clearTimeout(guard);
  const wallMs = performance.now() - started;
  let result: Run["result"];
  try {
    result = JSON.parse(stdout.trim()) as Run["result"];
  } catch {
    throw new Error(`the child printed no outcome (exit ${code ?? signal}); stdout: ${stdout}; stderr: ${stderr}`);
  }
  return { code, signal, wallMs, result, stderr };
}

function expectPromptExit(run: Run, boundMs: number): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  expect(run.wallMs).toBeLessThan(boundMs);
  expect(run.wallMs - run.result.settledMs).toBeLessThan(EXIT_LAG_MS);
}

function expectNoCredentials(run: Run): void {
  expect(run.result).toMatchObject({ ok: false, name: "CredchainError", code: "NoCredentials" });
  expect(run.result.message).toMatch(/^Unable to locate credentials/);
  expect(run.result.message).toMatch(/iam-role: /);
}

const imdsRequests = (imds: ImdsEmulator) => imds.requests.map((r) => `${r.method} ${r.path}`);

// Concurrent: each test has its own child process and emulator, and the bounds are generous.
describe.concurrent.each([[], ["--background"]])("defaultChain() off EC2, in a child process %j", (...args: string[]) => {
  it("gives up at once on a closed port, and exits", async () => {
    const run = await runChild(await closedPortUrl(), args);
    expectNoCredentials(run);
    expect(run.result.message).toMatch(/ECONNREFUSED/);
    expectPromptExit(run, TIMEOUT_S * 1000 * ATTEMPTS + MARGIN_MS);
  }, 30_000);

  it("gives up on an endpoint that accepts and never answers within timeout × attempts, and exits", async (t) => {
    const imds = await emulator(t, "hang");
    const run = await runChild(imds.url, args);
    expectNoCredentials(run);
    expect(run.result.message).toMatch(/no response within 1000 ms/);
    expectPromptExit(run, HANG_BOUND_MS);
    // The token once (a timeout ends it), then the role listing once per attempt: nothing more.
    expect(imdsRequests(imds)).toEqual([
      "PUT /latest/api/token",
      "GET /latest/meta-data/iam/security-credentials/",
      "GET /latest/meta-data/iam/security-credentials/",
    ]);
  }, 30_000);

  it("gives up on an endpoint that resets every connection, and exits", async (t) => {
    const imds = await emulator(t, "reset");
    const run = await runChild(imds.url, args);
    expectNoCredentials(run);
    expectPromptExit(run, TIMEOUT_S * 1000 * ATTEMPTS + MARGIN_MS);
    // Connection errors are retried: each request `attempts` times.
    expect(imdsRequests(imds)).toEqual([
      "PUT /latest/api/token",
      "PUT /latest/api/token",
      "GET /latest/meta-data/iam/security-credentials/",
      "GET /latest/meta-data/iam/security-credentials/",
    ]);
  }, 30_000);

  it("gets credentials from a working endpoint, and exits (keep-alive sockets, refresh timer and all)", async (t) => {
    const imds = await emulator(t);
    const run = await runChild(imds.url, args);
    expect(run.result).toMatchObject({ ok: true, accessKeyId: "ASIAEMULATOR00000001", source: "iam-role" });
    expectPromptExit(run, TIMEOUT_S * 1000 + MARGIN_MS);
  }, 30_000);
});
