import { startContainer, startImds, startSts } from "@credchain/emulator";
import { bundleColdScripts } from "./bundle-cold.js";
import { cleanEnv, distFile, runWorker, timeLaunch } from "./child.js";
import { endpointTurns, type TurnsFigure } from "./endpoint-turns.js";
import { iniRounds, type IniFigure } from "./ini-rounds.js";
import { describeMachine, type Machine } from "./machine.js";
import { writeRoleHome } from "./role-home.js";
import { measureSigning, type SigningFigures } from "./signing.js";
import { removeTempDirs } from "./temp-dirs.js";
import { median } from "./stats.js";
import type { Throughput } from "./tiny.js";

export interface BenchOptions {
  /** Process launches per cold-start variant (≥ 20 for the published figures). Default: 40. */
  launches?: number;
  /** tinybench time per task, ms. Default: 1500. */
  timeMs?: number;
  /** Concurrent calls on expired credentials. Default: 1000. */
  concurrency?: number;
  /** Profiles in the headline INI fixture (the base of the growth row). Default: 1000. */
  profiles?: number;
  /** Profile counts the INI section loads (the chart's points; must include `profiles`). Default: 100, 1,000, 3,000, 10,000. */
  iniCounts?: number[];
  /** Off-EC2 failure runs per library (each a fresh process). Default: 3. */
  failureRuns?: number;
  /** Interleaved rounds per library for IMDS and container resolution (each a fresh process). Default: 7. */
  rounds?: number;
  /** Query sizes for the signing-time rows. Default: 80, 800 and 8,000 parameters. */
  queryParams?: number[];
  /** Cached providers kept alive for the memory row. Default: 10,000. */
  providers?: number;
  /** Only these sections (`--only imds,container`); the others are left out of the results. Default: every section. */
  only?: readonly BenchSection[];
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
}

export interface PerLib<T> {
  credchain: T;
  sdk: T;
}

/** The bench's sections, in the order they run. */
export const BENCH_SECTIONS = ["cold", "hot", "memory", "imds", "off-ec2", "container", "request", "concurrency", "ini", "assume-role", "signing"] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

/** One run: the machine, the options, and the figures of every section that ran (all by default). */
export interface BenchResults extends Partial<BenchFigures> {
  machine: Machine;
  measuredAt: string;
  options: Required<Omit<BenchOptions, "log">>;
}

export interface BenchFigures {
  coldStart: { bareMs: number; emptyModuleMs: number; medianMs: PerLib<number>; overheadMs: PerLib<number>; overEmptyModuleMs: PerLib<number> };
  /** The same scripts bundled with esbuild, as deployed to Lambda. */
  coldStartBundled: { medianMs: PerLib<number>; overheadMs: PerLib<number>; overEmptyModuleMs: PerLib<number> };
  /** The same scripts bundled as CommonJS (esbuild's default for node): no ES module loader at all. */
  coldStartBundledCjs: { medianMs: PerLib<number>; overheadMs: PerLib<number> };
  hot: PerLib<Throughput>;
  /** Retained heap per cached provider holding credentials: withRefresh(fromEnv()) vs memoize(fromEnv()), median of 3 processes each. */
  memory: PerLib<{ bytesPerProvider: number; n: number }>;
  /** IMDS resolution (token, role, credentials), interleaved rounds. */
  imds: TurnsFigure;
  /** Container endpoint resolution (one GET), interleaved rounds; the SDK's is `@smithy/credential-provider-imds`'s `fromContainerMetadata`. */
  container: TurnsFigure;
  /** The container GET alone: credchain's directTransport vs the SDK's httpRequest, interleaved rounds. */
  request: TurnsFigure;
  concurrency: PerLib<{ upstream: number; distinct: number; seedExpired: boolean }>;
  ini: IniFigure;
  offEc2: PerLib<{ ms: number; error: string }>;
  /** `profile dev` assuming a role from `profile user`'s static keys, through the STS emulator. */
  assumeRole: PerLib<Throughput & { stsCallsPerResolution: number }>;
  /** `signRequest` vs `@smithy/signature-v4` called directly: throughput, and time against query size. */
  signing: SigningFigures;
}

const ENV_CREDS = { AWS_ACCESS_KEY_ID: "AKIABENCHEXAMPLE0001", AWS_SECRET_ACCESS_KEY: "bench-secret-not-real" };

/**
 * Runs every benchmark, credchain and the AWS SDK v3 side by side, each figure from fresh
 * processes with a clean environment (empty HOME, loopback emulators only).
 *
 * @example
 * ```ts
 * const results = await runBench({ launches: 30 });
 * console.log(formatTable(results));
 * ```
 */
export async function runBench(options: BenchOptions = {}): Promise<BenchResults> {
  try {
    return await measureAll(options);
  } finally {
    removeTempDirs();
  }
}

async function measureAll(options: BenchOptions): Promise<BenchResults> {
  const o = {
    launches: options.launches ?? 40,
    timeMs: options.timeMs ?? 1500,
    concurrency: options.concurrency ?? 1000,
    profiles: options.profiles ?? 1000,
    iniCounts: options.iniCounts ?? [100, 1000, 3000, 10_000],
    failureRuns: options.failureRuns ?? 3,
    rounds: options.rounds ?? 7,
    queryParams: options.queryParams ?? [80, 800, 8000],
    providers: options.providers ?? 10_000,
    only: options.only ?? BENCH_SECTIONS,
  };
  const log = options.log ?? (() => {});
  const want = (section: BenchSection) => o.only.includes(section);
  const r: BenchResults = { machine: describeMachine(), measuredAt: new Date().toISOString(), options: o };
  const tinyArgs = { timeMs: o.timeMs };
  // Each round is shorter than the other figures' runs: the rounds, not their length, absorb drift.
  const roundArgs = { rounds: o.rounds, timeMs: Math.max(50, o.timeMs / 2) };
  // Endpoint rounds alternate the two libraries every few ms, so drift is shared: each runs `timeMs`.
  const turnArgs = { rounds: o.rounds, timeMs: o.timeMs };

  if (want("cold")) Object.assign(r, await coldStarts(o.launches, log));
  if (want("hot")) r.hot = await hotPath(tinyArgs, log);
  if (want("memory")) r.memory = await retainedMemory(o.providers, log);

  if (want("imds") || want("off-ec2")) {
    const imdsEmulator = await startImds();
    if (want("imds")) {
      log(`IMDS: a fresh provider per resolution through the emulator, ${o.rounds} interleaved rounds`);
      r.imds = await endpointTurns("imds", cleanEnv(imdsEmulator.env), () => imdsEmulator.requests.length, turnArgs);
    }
    if (want("off-ec2")) {
      log(`off-EC2: default chain with nothing configured and IMDS hanging (${o.failureRuns} runs each)`);
      imdsEmulator.fault("*", "hang");
      const failFor = async (lib: "credchain" | "sdk") => {
        const runs: { ms: number; error: string }[] = [];
        for (let i = 0; i < o.failureRuns; i++) runs.push(await runWorker("off-ec2", lib, {}, cleanEnv(imdsEmulator.env)));
        return { ms: median(runs.map((x) => x.ms)), error: runs[0]?.error ?? "" };
      };
      r.offEc2 = { credchain: await failFor("credchain"), sdk: await failFor("sdk") };
    }
    await imdsEmulator.close();
  }

  if (want("container") || want("request")) {
    const containerEmulator = await startContainer();
    const containerEnv = cleanEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: containerEmulator.fullUri, AWS_EC2_METADATA_DISABLED: "true" });
    if (want("container")) {
      log(`container: a fresh provider per resolution through the emulator, ${o.rounds} interleaved rounds`);
      r.container = await endpointTurns("container", containerEnv, () => containerEmulator.requests.length, turnArgs);
    }
    if (want("request")) {
      log(`request: the container GET alone, through each library's HTTP helper, ${o.rounds} interleaved rounds`);
      r.request = await endpointTurns("request", containerEnv, () => containerEmulator.requests.length, turnArgs);
    }
    await containerEmulator.close();
  }

  if (want("concurrency")) r.concurrency = await concurrentWave(o.concurrency, log);

  if (want("ini")) {
    log(`INI: loading config + credentials with ${o.iniCounts.join(", ")} profiles, ${o.rounds} interleaved rounds`);
    // The growth row divides the top count by the headline one, so the headline is always measured.
    r.ini = await iniRounds({ counts: o.iniCounts, base: o.profiles, rounds: o.rounds, timeMs: Math.max(50, o.timeMs / 3) });
  }

  if (want("assume-role")) r.assumeRole = await assumedRole(tinyArgs, log);

  if (want("signing")) {
    log(`signing: signRequest vs @smithy/signature-v4 direct, ${o.rounds} interleaved rounds; then ${o.queryParams.join(" / ")} query parameters`);
    r.signing = await measureSigning(cleanEnv(ENV_CREDS), { ...roundArgs, queryParams: o.queryParams });
  }
  return r;
}

async function coldStarts(launches: number, log: (line: string) => void): Promise<Pick<BenchFigures, "coldStart" | "coldStartBundled" | "coldStartBundledCjs">> {
  log(`cold start: ${launches} launches each of bare node, an empty ES module, credchain, AWS SDK`);
  const envOnly = cleanEnv({ ...ENV_CREDS, AWS_EC2_METADATA_DISABLED: "true" });
  const bundles = await bundleColdScripts();
  const samples = { bare: [] as number[], empty: [] as number[], credchain: [] as number[], sdk: [] as number[], credchainBundled: [] as number[], sdkBundled: [] as number[], credchainCjs: [] as number[], sdkCjs: [] as number[] };
  const scripts = {
    empty: distFile("cold-empty.js"),
    credchain: distFile("cold-credchain.js"),
    sdk: distFile("cold-sdk.js"),
    credchainBundled: bundles.esm.credchain,
    sdkBundled: bundles.esm.sdk,
    credchainCjs: bundles.cjs.credchain,
    sdkCjs: bundles.cjs.sdk,
  };
  for (const file of Object.values(scripts)) timeLaunch([file], envOnly); // warm the file system cache once
  for (let i = 0; i < launches; i++) {
    // Interleaved, so drift in machine load hits all variants alike.
    samples.bare.push(timeLaunch(["-e", "0"], envOnly));
    for (const [k, file] of Object.entries(scripts)) samples[k as keyof typeof scripts].push(timeLaunch([file], envOnly));
  }
  const bareMs = median(samples.bare);
  const emptyModuleMs = median(samples.empty);
  const over = (base: number, m: PerLib<number>) => ({ credchain: m.credchain - base, sdk: m.sdk - base });
  const coldMedian = { credchain: median(samples.credchain), sdk: median(samples.sdk) };
  const bundledMedian = { credchain: median(samples.credchainBundled), sdk: median(samples.sdkBundled) };
  const cjsMedian = { credchain: median(samples.credchainCjs), sdk: median(samples.sdkCjs) };
  return {
    coldStart: { bareMs, emptyModuleMs, medianMs: coldMedian, overheadMs: over(bareMs, coldMedian), overEmptyModuleMs: over(emptyModuleMs, coldMedian) },
    coldStartBundled: { medianMs: bundledMedian, overheadMs: over(bareMs, bundledMedian), overEmptyModuleMs: over(emptyModuleMs, bundledMedian) },
    coldStartBundledCjs: { medianMs: cjsMedian, overheadMs: over(bareMs, cjsMedian) },
  };
}

async function hotPath(tinyArgs: { timeMs: number }, log: (line: string) => void): Promise<PerLib<Throughput>> {
  log("hot path: cached await provider(), 3 rounds each");
  // Sub-microsecond figures swing ±20% between processes on a busy machine: three interleaved
  // rounds per library, the median round kept.
  const hotRounds: PerLib<Throughput[]> = { credchain: [], sdk: [] };
  for (let round = 0; round < 3; round++) {
    for (const lib of ["credchain", "sdk"] as const) hotRounds[lib].push(await runWorker<Throughput>("hot", lib, tinyArgs, cleanEnv({ ...ENV_CREDS, AWS_EC2_METADATA_DISABLED: "true" })));
  }
  const medianRound = (rounds: Throughput[]) => [...rounds].sort((a, b) => a.opsPerSec - b.opsPerSec)[1] as Throughput;
  return { credchain: medianRound(hotRounds.credchain), sdk: medianRound(hotRounds.sdk) };
}

async function retainedMemory(n: number, log: (line: string) => void): Promise<BenchFigures["memory"]> {
  log(`memory: ${n} cached providers holding credentials from env, 3 processes each`);
  const runs: PerLib<{ bytesPerProvider: number; n: number }[]> = { credchain: [], sdk: [] };
  for (let round = 0; round < 3; round++) {
    for (const lib of ["credchain", "sdk"] as const) runs[lib].push(await runWorker("memory", lib, { n }, cleanEnv(ENV_CREDS)));
  }
  const mid = (list: { bytesPerProvider: number; n: number }[]) => [...list].sort((a, b) => a.bytesPerProvider - b.bytesPerProvider)[1]!;
  return { credchain: mid(runs.credchain), sdk: mid(runs.sdk) };
}

async function concurrentWave(n: number, log: (line: string) => void): Promise<BenchFigures["concurrency"]> {
  log(`concurrency: ${n} concurrent calls on expired credentials`);
  const container = await startContainer();
  container.fault("/creds", "expired-credentials", { times: 1 });
  const sdkConc = await runWorker<{ distinct: number; seedExpired: boolean }>(
    "concurrency",
    "sdk",
    { n },
    cleanEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_EC2_METADATA_DISABLED: "true" }),
  );
  // The first request was the seed; the rest were caused by the concurrent calls.
  const sdkUpstream = container.requests.filter((x) => x.path === "/creds").length - 1;
  await container.close();
  const ccConc = await runWorker<{ upstream: number; distinct: number; seedExpired: boolean }>("concurrency", "credchain", { n }, cleanEnv());
  return { credchain: ccConc, sdk: { ...sdkConc, upstream: sdkUpstream } };
}

async function assumedRole(tinyArgs: { timeMs: number }, log: (line: string) => void): Promise<BenchFigures["assumeRole"]> {
  log("assumed role: a fresh provider per resolution through the STS emulator");
  const sts = await startSts();
  const roleEnv = cleanEnv({ HOME: writeRoleHome(), AWS_DEFAULT_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true", ...sts.env });
  const assumeRoleFor = async (lib: "credchain" | "sdk") => {
    const before = sts.calls.length;
    const t = await runWorker<Throughput>("assume-role", lib, tinyArgs, roleEnv);
    return { ...t, stsCallsPerResolution: (sts.calls.length - before) / t.calls };
  };
  const assumeRole = { credchain: await assumeRoleFor("credchain"), sdk: await assumeRoleFor("sdk") };
  const failed = sts.calls.filter((c) => c.status !== 200);
  await sts.close();
  if (failed.length) throw new Error(`the STS emulator answered ${failed.length} calls with errors, first: ${failed[0]?.errorCode}`);
  return assumeRole;
}
