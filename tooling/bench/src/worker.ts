// One scenario for one library, in a fresh process whose environment the parent chose.
// Each run is its own process so neither library's module state leaks into the next figure.
import { fromContainerMetadata as sdkContainer, fromInstanceMetadata as sdkImds, httpRequest as sdkHttpRequest } from "@smithy/credential-provider-imds";
import { directTransport } from "@credchain/core";
import { defaultChain } from "@credchain/chain";
import { startContainer } from "@credchain/emulator";
import { fromContainerMetadata } from "@credchain/provider-container";
import { fromInstanceMetadata } from "@credchain/provider-imds";
import { loadSharedConfig } from "@credchain/provider-ini";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { fromIni } from "@aws-sdk/credential-providers";
import { loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";
import { signQueryTime, signThroughput } from "./sign-scenarios.js";
import { interleaved } from "./interleaved.js";
import { throughput } from "./tiny.js";
import { createInterface } from "node:readline";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fromEnv as sdkFromEnv } from "@aws-sdk/credential-provider-env";
import { memoize } from "@smithy/core/config";
import { fromEnv } from "@credchain/provider-env";
import { withRefresh } from "@credchain/refresh-manager";

const [scenario, lib, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? "{}") as Record<string, unknown>;
const timeMs = Number(args.timeMs ?? 1000);
const sdk = lib === "sdk";

async function hot() {
  // Both resolve from env once, then serve the cached credentials.
  const provider = sdk ? defaultProvider() : defaultChain();
  await provider();
  return throughput(() => provider(), timeMs);
}

// A fresh provider per resolution: token PUT, role listing, credentials GET each time.
const imdsOnce = () => (sdk ? sdkImds()() : fromInstanceMetadata()());

// A fresh provider per resolution: one GET to the container endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI).
const containerOnce = () => (sdk ? sdkContainer()() : fromContainerMetadata()());

function requestOnce() {
  // The request alone, without a provider: the container GET through credchain's default
  // transport for metadata endpoints, and through the SDK's own node:http helper.
  const url = new URL(String(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI));
  const transport = directTransport();
  const options = { hostname: url.hostname, port: url.port, path: url.pathname, protocol: url.protocol, timeout: 2000 };
  return sdk
    ? async () => JSON.parse((await sdkHttpRequest(options)).toString()) as unknown
    : async () => JSON.parse((await transport({ method: "GET", url: url.href, timeoutMs: 2000 })).body) as unknown;
}

/**
 * Turns for endpoint-turns.ts: resolve once, say "ready", then for each line read (a number of
 * ms) resolve until that long has passed and print the turn as JSON; end with stdin.
 */
async function turns(fn: () => Promise<unknown>) {
  await fn();
  process.stdout.write("ready\n");
  for await (const line of createInterface({ input: process.stdin })) {
    const ms = Number(line);
    const cpu = process.cpuUsage();
    const start = performance.now();
    let calls = 0;
    let wallMs;
    do {
      await fn();
      calls++;
    } while ((wallMs = performance.now() - start) < ms);
    const used = process.cpuUsage(cpu);
    process.stdout.write(`${JSON.stringify({ calls, wallMs, cpuMs: (used.user + used.system) / 1000 })}\n`);
  }
}

const endpoint = (fn: () => () => Promise<unknown>) => () => (args.turns ? turns(fn()) : throughput(fn(), timeMs));
const imds = endpoint(() => imdsOnce);
const container = endpoint(() => containerOnce);
const request = endpoint(requestOnce);

// What the parent put in this process's environment for the assumed-role scenario.
const ROLE_ENV_KEYS = ["HOME", "AWS_ENDPOINT_URL_STS", "AWS_DEFAULT_REGION", "AWS_EC2_METADATA_DISABLED"] as const;

async function assumeRole() {
  // A fresh provider per resolution, no caching: read ~/.aws/config, sign and send AssumeRole to
  // the STS emulator (both libraries honour AWS_ENDPOINT_URL_STS), parse the XML answer.
  const env = Object.fromEntries(ROLE_ENV_KEYS.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k] as string]])));
  const resolve = sdk
    ? // The SDK reads AWS_REGION only, not AWS_DEFAULT_REGION: give its STS client the region outright.
      // ignoreCache: read the files per resolution, as a fresh credchain chain does.
      () => fromIni({ profile: "dev", ignoreCache: true, clientConfig: { region: "us-east-1" } })()
    : () => defaultChain({ env, profile: "dev", refresh: false })();
  const first = await resolve();
  if (!first.sessionToken) throw new Error("assumed-role credentials came back without a session token");
  const t = await throughput(resolve, timeMs);
  // Count the check above too, so STS calls per resolution divides exactly.
  return { ...t, calls: t.calls + 1 };
}

type SdkFiles = Awaited<ReturnType<typeof loadSharedConfigFiles>>;
type SharedConfig = Awaited<ReturnType<typeof loadSharedConfig>>;

async function ini() {
  // Every fixture in turns (see interleaved), the files read and parsed on every call; and how
  // many profiles the first load of each found (credchain: the merged map; the SDK has only the
  // config file's), so the parent can check both libraries read them all.
  const fixtures = args.fixtures as { profiles: number; configFile: string; credentialsFile: string }[];
  const loads = fixtures.map(({ configFile, credentialsFile }) =>
    sdk ? () => loadSharedConfigFiles({ configFilepath: configFile, filepath: credentialsFile, ignoreCache: true }) : () => loadSharedConfig({ configFile, credentialsFile }),
  );
  const found: number[] = [];
  for (const load of loads) {
    const loaded = await load();
    found.push(Object.keys(sdk ? (loaded as SdkFiles).configFile : (loaded as SharedConfig).profiles).length);
  }
  const times = await interleaved(loads, { timeMs: timeMs * fixtures.length, passes: Number(args.passes ?? 5) });
  return times.map((t, i) => ({ ...t, found: found[i] }));
}

async function offEc2() {
  // Nothing configured, IMDS hanging: how long until the default chain gives up.
  const start = performance.now();
  let error: unknown;
  try {
    await (sdk ? defaultProvider() : defaultChain())();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  if (!error) throw new Error("the default chain unexpectedly found credentials");
  const e = error as { name?: string; code?: string; message?: string };
  return { ms, error: `${e.code ?? e.name}: ${String(e.message).split("\n")[0]?.slice(0, 160)}` };
}

const CREDS_PATH = "/creds";

async function concurrency() {
  const n = Number(args.n ?? 1000);
  if (sdk) {
    // The parent's container emulator answered the first request with already-expired
    // credentials; the memoized provider must refresh them.
    const provider = defaultProvider();
    const seed = await provider();
    const results = await Promise.all(Array.from({ length: n }, () => provider()));
    return { seedExpired: (seed.expiration?.getTime() ?? Infinity) <= Date.now(), distinct: new Set(results.map((c) => c.accessKeyId)).size };
  }
  // credchain takes a clock: move it past the expiry instead of serving expired credentials.
  let clock = Date.now();
  const now = () => clock;
  const container = await startContainer({ now });
  try {
    const provider = defaultChain({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_EC2_METADATA_DISABLED: "true" }, now });
    const seed = await provider();
    clock = (seed.expiration?.getTime() ?? clock) + 60_000;
    const before = container.requests.filter((r) => r.path === CREDS_PATH).length;
    const results = await Promise.all(Array.from({ length: n }, () => provider()));
    const upstream = container.requests.filter((r) => r.path === CREDS_PATH).length - before;
    return { seedExpired: true, upstream, distinct: new Set(results.map((c) => c.accessKeyId)).size };
  } finally {
    await container.close();
  }
}

async function containerDefaultChain() {
  // Used by the smoke test: one resolution through the container endpoint.
  const c = await (sdk ? sdkContainer()() : defaultChain()());
  return { accessKeyId: c.accessKeyId };
}

async function memory() {
  // Retained heap per cached provider holding credentials from env: credchain's withRefresh(fromEnv())
  // against the SDK's memoize(fromEnv()), n of them kept alive, after a full collection each side.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const n = Number(args.n ?? 10_000);
  const make = sdk ? () => memoize(sdkFromEnv()) : () => withRefresh(fromEnv());
  await make()(); // load and compile first
  const held: unknown[] = new Array(n).fill(undefined);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) {
    const provider = make();
    await provider();
    held[i] = provider;
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length != n) throw new Error("lost providers");
  return { n, bytesPerProvider: (after - before) / n };
}

const sign = () => signThroughput(sdk ? "sdk" : "credchain", timeMs);
const signQuery = () => signQueryTime(sdk ? "sdk" : "credchain", Number(args.n), Number(args.samples ?? 1));

const scenarios: Record<string, () => Promise<unknown>> = {
  hot,
  imds,
  container,
  request,
  ini,
  "assume-role": assumeRole,
  "off-ec2": offEc2,
  concurrency,
  "container-once": containerDefaultChain,
  memory,
  sign,
  "sign-query": signQuery,
};
const run = scenarios[scenario ?? ""];
if (!run || (lib !== "sdk" && lib !== "credchain")) {
  process.stderr.write(`usage: worker.js <${Object.keys(scenarios).join("|")}> <credchain|sdk> [json]\n`);
  process.exit(2);
}
const result = await run();
if (!args.turns) process.stdout.write(`${JSON.stringify(result)}\n`);
// Keep-alive sockets and the SDK's timers must not hold the figures back.
process.exit(0);
