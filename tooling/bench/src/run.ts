import { startContainer, startImds, startSts } from "@credchain/emulator";
import { bundleColdScripts } from "./bundle-cold.js";
import { cleanEnv, distFile, runWorker, timeLaunch } from "./child.js";
import { endpointRounds, type EndpointFigure } from "./endpoint-rounds.js";
import { iniRounds, type IniFigure } from "./ini-rounds.js";
import { describeMachine, type Machine } from "./machine.js";
import { writeRoleHome } from "./role-home.js";
import { measureSigning, type SigningFigures } from "./signing.js";
import { removeTempDirs } from "./temp-dirs.js";
import { median } from "./stats.js";
import type { Throughput } from "./tiny.js";

export interface BenchOptions {
  /** Process launches per cold-start variant (≥ 20 for the published figures). Default: 30. */
  launches?: number;
  /** tinybench time per task, ms. Default: 1500. */
  timeMs?: number;
  /** Concurrent calls on expired credentials. Default: 1000. */
  concurrency?: number;
  /** Profiles in the INI fixture of the headline row. Default: 1000. */
  profiles?: number;
  /** Profile counts of the INI growth row and chart (with `profiles`); the largest is the growth's end. Default: 100, 1000, 3000, 10000. */
  iniCounts?: number[];
  /** Off-EC2 failure runs per library (each a fresh process). Default: 3. */
  failureRuns?: number;
  /** Interleaved rounds per library for IMDS, container and INI (each a fresh process). Default: 7. */
  rounds?: number;
  /** Query sizes for the signing-time rows. Default: 80, 800 and 8,000 parameters. */
  queryParams?: number[];
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
}

export interface PerLib<T> {
  credchain: T;
  sdk: T;
}

export interface BenchResults {
  machine: Machine;
  measuredAt: string;
  options: Required<Omit<BenchOptions, "log">>;
  coldStart: { bareMs: number; emptyModuleMs: number; medianMs: PerLib<number>; overheadMs: PerLib<number>; overEmptyModuleMs: PerLib<number> };
  /** The same scripts bundled with esbuild, as deployed to Lambda. */
  coldStartBundled: { medianMs: PerLib<number>; overheadMs: PerLib<number>; overEmptyModuleMs: PerLib<number> };
  /** The same scripts bundled as CommonJS (esbuild's default for node): no ES module loader at all. */
  coldStartBundledCjs: { medianMs: PerLib<number>; overheadMs: PerLib<number> };
  hot: PerLib<Throughput>;
  /** IMDS resolution (token, role, credentials), interleaved rounds. */
  imds: EndpointFigure;
  /** Container endpoint resolution (one GET), interleaved rounds; the SDK's is `@smithy/credential-provider-imds`'s `fromContainerMetadata`. */
  container: EndpointFigure;
  /** The container GET alone: credchain's directTransport vs the SDK's httpRequest, interleaved rounds. */
  request: EndpointFigure;
  concurrency: PerLib<{ upstream: number; distinct: number; seedExpired: boolean }>;
  /** Loading config + credentials at each profile count, interleaved rounds. */
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

/**
 * Only the INI figure (`pnpm bench -- --only ini`): the same measurement as in {@link runBench}.
 *
 * @example
 * ```ts
 * const { ini } = await runIniBench({ rounds: 7 });
 * ```
 */
export async function runIniBench(options: BenchOptions = {}): Promise<Pick<BenchResults, "machine" | "measuredAt" | "options" | "ini">> {
  const o = resolveOptions(options);
  try {
    return { machine: describeMachine(), measuredAt: new Date().toISOString(), options: o, ini: await measureIni(o, options.log) };
  } finally {
    removeTempDirs();
  }
}

function resolveOptions(options: BenchOptions): Required<Omit<BenchOptions, "log">> {
  return {
    launches: options.launches ?? 30,
    timeMs: options.timeMs ?? 1500,
    concurrency: options.concurrency ?? 1000,
    profiles: options.profiles ?? 1000,
    iniCounts: options.iniCounts ?? [100, 1000, 3000, 10_000],
    failureRuns: options.failureRuns ?? 3,
    rounds: options.rounds ?? 7,
    queryParams: options.queryParams ?? [80, 800, 8000],
  };
}

function measureIni(o: Required<Omit<BenchOptions, "log">>, log: (line: string) => void = () => {}): Promise<IniFigure> {
  log(`INI: loading config + credentials with ${o.iniCounts.join(", ")} profiles, ${o.rounds} interleaved rounds`);
  // A third of the other figures' time per count: each process loads every count in turn.
  return iniRounds({ counts: o.iniCounts, base: o.profiles, rounds: o.rounds, timeMs: Math.max(50, o.timeMs / 3) });
}

async function measureAll(options: BenchOptions): Promise<BenchResults> {
  const o = resolveOptions(options);
  const log = options.log ?? (() => {});
  const tinyArgs = { timeMs: o.timeMs };

  log(`cold start: ${o.launches} launches each of bare node, an empty ES module, credchain, AWS SDK`);
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
  for (let i = 0; i < o.launches; i++) {
    // Interleaved, so drift in machine load hits all variants alike.
    samples.bare.push(timeLaunch(["-e", "0"], envOnly));
    for (const [k, file] of Object.entries(scripts)) samples[k as keyof typeof scripts].push(timeLaunch([file], envOnly));
  }
  const bareMs = median(samples.bare);
  const emptyModuleMs = median(samples.empty);
  const over = (base: number, m: PerLib<number>) => ({ credchain: m.credchain - base, sdk: m.sdk - base });
  const coldMedian = { credchain: median(samples.credchain), sdk: median(samples.sdk) };
  const coldStart = {
    bareMs,
    emptyModuleMs,
    medianMs: coldMedian,
    overheadMs: over(bareMs, coldMedian),
    overEmptyModuleMs: over(emptyModuleMs, coldMedian),
  };
  const bundledMedian = { credchain: median(samples.credchainBundled), sdk: median(samples.sdkBundled) };
  const coldStartBundled = {
    medianMs: bundledMedian,
    overheadMs: over(bareMs, bundledMedian),
    overEmptyModuleMs: over(emptyModuleMs, bundledMedian),
  };
  const cjsMedian = { credchain: median(samples.credchainCjs), sdk: median(samples.sdkCjs) };
  const coldStartBundledCjs = { medianMs: cjsMedian, overheadMs: over(bareMs, cjsMedian) };

  log("hot path: cached await provider(), 3 rounds each");
  // Sub-microsecond figures swing ±20% between processes on a busy machine: three interleaved
  // rounds per library, the median round kept.
  const hotRounds: PerLib<Throughput[]> = { credchain: [], sdk: [] };
  for (let round = 0; round < 3; round++) {
    for (const lib of ["credchain", "sdk"] as const) hotRounds[lib].push(await runWorker<Throughput>("hot", lib, tinyArgs, envOnly));
  }
  const medianRound = (rounds: Throughput[]) => [...rounds].sort((a, b) => a.opsPerSec - b.opsPerSec)[1] as Throughput;
  const hot = { credchain: medianRound(hotRounds.credchain), sdk: medianRound(hotRounds.sdk) };

  // Each round is shorter than the other figures' runs: the rounds, not their length, absorb drift.
  const roundArgs = { rounds: o.rounds, timeMs: Math.max(50, o.timeMs / 2) };
  log(`IMDS: a fresh provider per resolution through the emulator, ${o.rounds} interleaved rounds`);
  const imdsEmulator = await startImds();
  const imds = await endpointRounds("imds", cleanEnv(imdsEmulator.env), () => imdsEmulator.requests.length, roundArgs);

  log(`off-EC2: default chain with nothing configured and IMDS hanging (${o.failureRuns} runs each)`);
  imdsEmulator.fault("*", "hang");
  const failFor = async (lib: "credchain" | "sdk") => {
    const runs: { ms: number; error: string }[] = [];
    for (let i = 0; i < o.failureRuns; i++) runs.push(await runWorker("off-ec2", lib, {}, cleanEnv(imdsEmulator.env)));
    return { ms: median(runs.map((r) => r.ms)), error: runs[0]?.error ?? "" };
  };
  const offEc2 = { credchain: await failFor("credchain"), sdk: await failFor("sdk") };
  await imdsEmulator.close();

  log(`container: a fresh provider per resolution through the emulator, ${o.rounds} interleaved rounds`);
  const containerEmulator = await startContainer();
  const containerEnv = cleanEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: containerEmulator.fullUri, AWS_EC2_METADATA_DISABLED: "true" });
  const containerFigure = await endpointRounds("container", containerEnv, () => containerEmulator.requests.length, roundArgs);
  log(`request: the container GET alone, through each library's HTTP helper, ${o.rounds} interleaved rounds`);
  const requestFigure = await endpointRounds("request", containerEnv, () => containerEmulator.requests.length, roundArgs);
  await containerEmulator.close();

  log(`concurrency: ${o.concurrency} concurrent calls on expired credentials`);
  const container = await startContainer();
  container.fault("/creds", "expired-credentials", { times: 1 });
  const sdkConc = await runWorker<{ distinct: number; seedExpired: boolean }>(
    "concurrency",
    "sdk",
    { n: o.concurrency },
    cleanEnv({ AWS_CONTAINER_CREDENTIALS_FULL_URI: container.fullUri, AWS_EC2_METADATA_DISABLED: "true" }),
  );
  // The first request was the seed; the rest were caused by the concurrent calls.
  const sdkUpstream = container.requests.filter((r) => r.path === "/creds").length - 1;
  await container.close();
  const ccConc = await runWorker<{ upstream: number; distinct: number; seedExpired: boolean }>(
    "concurrency",
    "credchain",
    { n: o.concurrency },
    cleanEnv(),
  );
  const concurrency = { credchain: ccConc, sdk: { ...sdkConc, upstream: sdkUpstream } };

  const ini = await measureIni(o, log);

  log("assumed role: a fresh provider per resolution through the STS emulator");
  const sts = await startSts();
  const roleEnv = cleanEnv({ HOME: writeRoleHome(), AWS_DEFAULT_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true", ...sts.env });
  const assumeRoleFor = async (lib: "credchain" | "sdk") => {
    const before = sts.calls.length;
    const r = await runWorker<Throughput>("assume-role", lib, tinyArgs, roleEnv);
    return { ...r, stsCallsPerResolution: (sts.calls.length - before) / r.calls };
  };
  const assumeRole = { credchain: await assumeRoleFor("credchain"), sdk: await assumeRoleFor("sdk") };
  const failed = sts.calls.filter((c) => c.status !== 200);
  await sts.close();
  if (failed.length) throw new Error(`the STS emulator answered ${failed.length} calls with errors, first: ${failed[0]?.errorCode}`);

  log(`signing: signRequest vs @smithy/signature-v4 direct, ${o.rounds} interleaved rounds; then ${o.queryParams.join(" / ")} query parameters`);
  const signing = await measureSigning(cleanEnv(ENV_CREDS), { ...roundArgs, queryParams: o.queryParams });

  return {
    machine: describeMachine(),
    measuredAt: new Date().toISOString(),
    options: o,
    coldStart,
    coldStartBundled,
    coldStartBundledCjs,
    hot,
    imds,
    container: containerFigure,
    request: requestFigure,
    concurrency,
    ini,
    offEc2,
    assumeRole,
    signing,
  };
}
