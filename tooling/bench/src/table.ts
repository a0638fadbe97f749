import type { EndpointFigure } from "./endpoint-rounds.js";
import type { TurnsFigure } from "./endpoint-turns.js";
import type { IniFigure } from "./ini-rounds.js";
import type { BenchResults } from "./run.js";
import type { SigningFigures } from "./signing.js";
import { median } from "./stats.js";

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${(v * 1000).toFixed(1)} µs`);
const ops = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k/s` : `${v.toFixed(0)} /s`);
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : "—");

/**
 * The results as a Markdown table. "credchain advantage" reads the same way on every line:
 * above 1× credchain is better (faster, fewer requests), below 1× the SDK is.
 */
export function formatTable(r: BenchResults): string {
  type Row = [string, string, string, string];
  const rows: Row[] = [];
  // Each section's rows, when it ran (`--only` leaves the others out).
  const { coldStart, coldStartBundled, coldStartBundledCjs, hot, memory, imds, container, request, concurrency, offEc2, assumeRole, signing } = r;
  if (coldStart && coldStartBundled && coldStartBundledCjs) {
    rows.push(
      [
        `cold start, full default chain from env, unbundled from node_modules (median of ${r.options.launches} launches; over bare \`node -e 0\` = ${ms(coldStart.bareMs)}, and in brackets over an empty ES module = ${ms(coldStart.emptyModuleMs)})`,
        `+${ms(coldStart.overheadMs.credchain)} (+${ms(coldStart.overEmptyModuleMs.credchain)})`,
        `+${ms(coldStart.overheadMs.sdk)} (+${ms(coldStart.overEmptyModuleMs.sdk)})`,
        x(coldStart.overheadMs.sdk / coldStart.overheadMs.credchain),
      ],
      [
        "cold start, the same scripts bundled with esbuild as ES modules (as deployed to Lambda)",
        `+${ms(coldStartBundled.overheadMs.credchain)} (+${ms(coldStartBundled.overEmptyModuleMs.credchain)})`,
        `+${ms(coldStartBundled.overheadMs.sdk)} (+${ms(coldStartBundled.overEmptyModuleMs.sdk)})`,
        x(coldStartBundled.overheadMs.sdk / coldStartBundled.overheadMs.credchain),
      ],
      [
        "cold start, the same scripts bundled as CommonJS (esbuild's default for node, the CDK's NodejsFunction default)",
        `+${ms(coldStartBundledCjs.overheadMs.credchain)}`,
        `+${ms(coldStartBundledCjs.overheadMs.sdk)}`,
        x(coldStartBundledCjs.overheadMs.sdk / coldStartBundledCjs.overheadMs.credchain),
      ],
    );
  }
  if (hot) {
    rows.push([
      "hot path, cached `await provider()` (median of 3 rounds)",
      `${ops(hot.credchain.opsPerSec)} (${ms(hot.credchain.meanMs)})`,
      `${ops(hot.sdk.opsPerSec)} (${ms(hot.sdk.meanMs)})`,
      x(hot.credchain.opsPerSec / hot.sdk.opsPerSec),
    ]);
  }
  if (memory) {
    rows.push([
      `retained heap per cached provider holding credentials from env: \`withRefresh(fromEnv())\` vs the SDK's \`memoize(fromEnv())\` (${memory.credchain.n.toLocaleString("en-US")} kept alive, after a full GC; median of 3 processes)`,
      `${memory.credchain.bytesPerProvider.toFixed(0)} B`,
      `${memory.sdk.bytesPerProvider.toFixed(0)} B`,
      x(memory.sdk.bytesPerProvider / memory.credchain.bytesPerProvider),
    ]);
  }
  if (imds) {
    const label = `IMDS resolution (fresh provider, token + role + credentials; median of ${r.options.rounds} rounds, each the two libraries taking turns every 20 ms: mean wall time, requests per resolution, CPU time of the client process; range of the rounds' ratios)`;
    rows.push(endpointRow(label, imds));
  }
  if (container) rows.push(endpointRow("container resolution (fresh provider, one GET; SDK: `@smithy/credential-provider-imds` `fromContainerMetadata`; as above)", container));
  if (request) rows.push(endpointRow("the same GET without a provider: credchain's `directTransport` vs the SDK's `httpRequest` (node:http both; as above)", request));
  if (concurrency) {
    rows.push([
      `${r.options.concurrency} concurrent calls on expired credentials: upstream requests`,
      String(concurrency.credchain.upstream),
      String(concurrency.sdk.upstream),
      x(concurrency.sdk.upstream / concurrency.credchain.upstream),
    ]);
  }
  if (offEc2) {
    rows.push([`off EC2, IMDS hanging: default chain fails after (median of ${r.options.failureRuns})`, ms(offEc2.credchain.ms), ms(offEc2.sdk.ms), x(offEc2.sdk.ms / offEc2.credchain.ms)]);
  }
  if (assumeRole) {
    rows.push([
      "assumed role from a static-key profile through the STS emulator (fresh provider; mean time, STS calls per resolution)",
      `${ms(assumeRole.credchain.meanMs)}, ${assumeRole.credchain.stsCallsPerResolution.toFixed(1)} call`,
      `${ms(assumeRole.sdk.meanMs)}, ${assumeRole.sdk.stsCallsPerResolution.toFixed(1)} call`,
      x(assumeRole.sdk.meanMs / assumeRole.credchain.meanMs),
    ]);
  }
  if (signing) {
    rows.push(
      signingRow(r.options.rounds, signing),
      ...signing.query.credchain.map((c, i): Row => {
        const sdk = signing.query.sdk[i];
        return [
          `sign a GET with ${c.n.toLocaleString("en-US")} query parameters (CPU time, median of ${c.samples} signs; SDK: ${sdk?.samples ?? 0})`,
          ms(c.ms),
          sdk ? ms(sdk.ms) : "—",
          x((sdk?.ms ?? Number.NaN) / c.ms),
        ];
      }),
    );
  }
  return [
    "| benchmark | credchain | AWS SDK v3 | credchain advantage |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((c) => `| ${c.join(" | ")} |`),
  ].join("\n");
}

/** The rounds' range of a list of ratios, for beside their median. */
const range = (values: number[]) => (values.length > 1 ? `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}` : "one round");

/**
 * The INI figure as its own Markdown section: a row per profile count (the headline one is
 * `options.profiles`), the growth row, and the chart `chart` (a path relative to BENCHMARKS.md).
 * CPU time per load is the figure, wall time in brackets. Growth reads like every other ratio:
 * above 1× credchain's time grows less than the SDK's.
 */
export function formatIni(r: Pick<BenchResults, "machine" | "measuredAt" | "options"> & { ini: IniFigure }, chart: string): string {
  const { ini } = r;
  const count = (n: number) => n.toLocaleString("en-US");
  const rows: [string, string, string, string][] = ini.points.map((p) => {
    const label = `load config + credentials with ${count(p.profiles)} profiles`;
    return [
      p.profiles === ini.base ? `**${label}**` : label,
      `${ms(p.cpuMs.credchain)} (${ms(p.wallMs.credchain)})`,
      `${ms(p.cpuMs.sdk)} (${ms(p.wallMs.sdk)})`,
      `${x(median(p.ratios))} (${range(p.ratios)})`,
    ];
  });
  const growth = (lib: "credchain" | "sdk") =>
    `${median(ini.growth[lib]).toFixed(1)}× (${range(ini.growth[lib])}; wall ${median(ini.wallGrowth[lib]).toFixed(1)}×)`;
  rows.push([
    `**growth from ${count(ini.base)} to ${count(ini.top)} profiles** (CPU time ÷ CPU time; median and range of the rounds, and the wall-time median; ${count(ini.top / ini.base)}× is linear)`,
    growth("credchain"),
    growth("sdk"),
    x(median(ini.growth.sdk) / median(ini.growth.credchain)),
  ]);
  return [
    `Loading \`~/.aws/config\` (role profiles, each with an \`s3\` sub-section) and \`~/.aws/credentials\` (keys for \`[default]\` and one profile in ten), read and parsed on every call: credchain's \`loadSharedConfig\` (botocore's rules, the profile map merged) against the SDK's \`loadSharedConfigFiles\` (\`ignoreCache: true\`). CPU time per load (user + system, every thread of the process, garbage collection included), wall time in brackets: parsing is CPU work, and on a machine shared with other work CPU time measures it where wall time also measures the wait for a core. Each round is a process per library in which the counts take turns; median of ${ini.growth.credchain.length} interleaved rounds, and the range of the rounds' ratios.`,
    "",
    "| INI | credchain | AWS SDK v3 | credchain advantage |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map((c) => `| ${c.join(" | ")} |`),
    "",
    `![CPU time per load against profile count, credchain and the AWS SDK v3, log-log](${chart})`,
    "",
    formatMachine(r),
  ].join("\n");
}

function endpointRow(label: string, f: TurnsFigure): [string, string, string, string] {
  const lib = (l: "credchain" | "sdk") => `${ms(f[l].meanMs)}, ${f[l].requestsPerResolution.toFixed(1)} req (CPU ${ms(f.cpuMs[l])})`;
  return [label, lib("credchain"), lib("sdk"), `${roundsRatio(f)}; CPU ${roundsRatio({ ratios: f.cpuRatios })}`];
}

/** The median of the rounds' ratios, and their range. */
const roundsRatio = (f: Pick<EndpointFigure, "ratios">) =>
  `${median(f.ratios).toFixed(2)}× (${f.ratios.length > 1 ? `${Math.min(...f.ratios).toFixed(2)}–${Math.max(...f.ratios).toFixed(2)}` : "one round"})`;

function signingRow(rounds: number, signing: SigningFigures): [string, string, string, string] {
  const lib = (l: EndpointFigure["credchain"]) => `${ops(1000 / l.meanMs)} (${ms(l.meanMs)})`;
  return [
    `\`signRequest\` vs \`@smithy/signature-v4\` called directly: a POST with a JSON body signed, same credentials and node:crypto SHA-256 (median of ${rounds} interleaved rounds: signs per CPU-second, CPU time per sign; range of the rounds' ratios)`,
    lib(signing.throughput.credchain),
    lib(signing.throughput.sdk),
    roundsRatio(signing.throughput),
  ];
}

/** How signing time grew from one query size to the next, per library: ×10 parameters is ×10 time if linear, ×100 if quadratic. */
function formatGrowth({ query }: SigningFigures): string {
  const { credchain, sdk } = query;
  return credchain
    .slice(1)
    .map((c, i) => {
      const prev = credchain[i] as (typeof credchain)[number];
      const grew = (a: number, b: number | undefined) => (b === undefined ? "—" : `×${(b / a).toFixed(1)}`);
      return `- signing time from ${prev.n.toLocaleString("en-US")} to ${c.n.toLocaleString("en-US")} query parameters (×${(c.n / prev.n).toFixed(0)}): credchain ${grew(prev.ms, c.ms)}, AWS SDK ${grew(sdk[i]?.ms ?? Number.NaN, sdk[i + 1]?.ms)}`;
    })
    .join("\n");
}

/** Machine, Node and what failed, for under the table. */
export function formatMachine(r: BenchResults): string {
  const m = r.machine;
  const sdk = Object.entries(m.sdk)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ");
  return `Machine: ${m.nproc} × ${m.cpu} (${m.platform}), Node ${m.node}, load average ${m.load.toFixed(1)} at the start; measured ${r.measuredAt}. AWS SDK: ${sdk}.`;
}

/** The error each default chain ended with off EC2, for the notes. */
export function formatNotes(r: BenchResults): string {
  const { offEc2, concurrency, signing } = r;
  return [
    ...(offEc2 ? [`- credchain off-EC2 error: \`${offEc2.credchain.error}\``, `- AWS SDK off-EC2 error: \`${offEc2.sdk.error}\``] : []),
    ...(concurrency ? [`- after the concurrent wave, distinct access keys returned: credchain ${concurrency.credchain.distinct}, AWS SDK ${concurrency.sdk.distinct}`] : []),
    ...(signing ? [formatGrowth(signing)] : []),
  ].join("\n");
}
