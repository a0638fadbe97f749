import type { EndpointFigure } from "./endpoint-rounds.js";
import type { BenchResults } from "./run.js";
import { median } from "./stats.js";

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 1 ? `${v.toFixed(1)} ms` : `${(v * 1000).toFixed(1)} µs`);
const ops = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(2)} M/s` : v >= 1e3 ? `${(v / 1e3).toFixed(1)} k/s` : `${v.toFixed(0)} /s`);
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : "—");

/**
 * The results as a Markdown table. "credchain advantage" reads the same way on every line:
 * above 1× credchain is better (faster, fewer requests), below 1× the SDK is.
 */
export function formatTable(r: BenchResults): string {
  const rows: [string, string, string, string][] = [
    [
      `cold start, full default chain from env, unbundled from node_modules (median of ${r.options.launches} launches; over bare \`node -e 0\` = ${ms(r.coldStart.bareMs)}, and in brackets over an empty ES module = ${ms(r.coldStart.emptyModuleMs)})`,
      `+${ms(r.coldStart.overheadMs.credchain)} (+${ms(r.coldStart.overEmptyModuleMs.credchain)})`,
      `+${ms(r.coldStart.overheadMs.sdk)} (+${ms(r.coldStart.overEmptyModuleMs.sdk)})`,
      x(r.coldStart.overheadMs.sdk / r.coldStart.overheadMs.credchain),
    ],
    [
      "cold start, the same scripts bundled with esbuild as ES modules (as deployed to Lambda)",
      `+${ms(r.coldStartBundled.overheadMs.credchain)} (+${ms(r.coldStartBundled.overEmptyModuleMs.credchain)})`,
      `+${ms(r.coldStartBundled.overheadMs.sdk)} (+${ms(r.coldStartBundled.overEmptyModuleMs.sdk)})`,
      x(r.coldStartBundled.overheadMs.sdk / r.coldStartBundled.overheadMs.credchain),
    ],
    [
      "cold start, the same scripts bundled as CommonJS (esbuild's default for node, the CDK's NodejsFunction default)",
      `+${ms(r.coldStartBundledCjs.overheadMs.credchain)}`,
      `+${ms(r.coldStartBundledCjs.overheadMs.sdk)}`,
      x(r.coldStartBundledCjs.overheadMs.sdk / r.coldStartBundledCjs.overheadMs.credchain),
    ],
    [
      "hot path, cached `await provider()` (median of 3 rounds)",
      `${ops(r.hot.credchain.opsPerSec)} (${ms(r.hot.credchain.meanMs)})`,
      `${ops(r.hot.sdk.opsPerSec)} (${ms(r.hot.sdk.meanMs)})`,
      x(r.hot.credchain.opsPerSec / r.hot.sdk.opsPerSec),
    ],
    endpointRow(`IMDS resolution (fresh provider, token + role + credentials; median of ${r.options.rounds} interleaved rounds: mean time, requests per resolution; range of the rounds' ratios)`, r.imds),
    endpointRow(
      `container resolution (fresh provider, one GET; SDK: \`@smithy/credential-provider-imds\` \`fromContainerMetadata\`; as above)`,
      r.container,
    ),
    endpointRow("the same GET without a provider: credchain's `directTransport` vs the SDK's `httpRequest` (node:http both; as above)", r.request),
    [
      `${r.options.concurrency} concurrent calls on expired credentials: upstream requests`,
      String(r.concurrency.credchain.upstream),
      String(r.concurrency.sdk.upstream),
      x(r.concurrency.sdk.upstream / r.concurrency.credchain.upstream),
    ],
    [
      `off EC2, IMDS hanging: default chain fails after (median of ${r.options.failureRuns})`,
      ms(r.offEc2.credchain.ms),
      ms(r.offEc2.sdk.ms),
      x(r.offEc2.sdk.ms / r.offEc2.credchain.ms),
    ],
    [
      "assumed role from a static-key profile through the STS emulator (fresh provider; mean time, STS calls per resolution)",
      `${ms(r.assumeRole.credchain.meanMs)}, ${r.assumeRole.credchain.stsCallsPerResolution.toFixed(1)} call`,
      `${ms(r.assumeRole.sdk.meanMs)}, ${r.assumeRole.sdk.stsCallsPerResolution.toFixed(1)} call`,
      x(r.assumeRole.sdk.meanMs / r.assumeRole.credchain.meanMs),
    ],
    signingRow(r),
    ...r.signing.query.credchain.map((c, i): [string, string, string, string] => {
      const sdk = r.signing.query.sdk[i];
      return [
        `sign a GET with ${c.n.toLocaleString("en-US")} query parameters (CPU time, median of ${c.samples} signs; SDK: ${sdk?.samples ?? 0})`,
        ms(c.ms),
        sdk ? ms(sdk.ms) : "—",
        x((sdk?.ms ?? Number.NaN) / c.ms),
      ];
    }),
  ];
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
export function formatIni(r: Pick<BenchResults, "machine" | "measuredAt" | "options" | "ini">, chart: string): string {
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

function endpointRow(label: string, f: EndpointFigure): [string, string, string, string] {
  const lib = (l: EndpointFigure["credchain"]) => `${ms(l.meanMs)}, ${l.requestsPerResolution.toFixed(1)} req`;
  return [label, lib(f.credchain), lib(f.sdk), roundsRatio(f)];
}

/** The median of the rounds' ratios, and their range. */
const roundsRatio = (f: EndpointFigure) => `${x(median(f.ratios))} (${range(f.ratios)})`;

function signingRow(r: BenchResults): [string, string, string, string] {
  const lib = (l: EndpointFigure["credchain"]) => `${ops(1000 / l.meanMs)} (${ms(l.meanMs)})`;
  return [
    `\`signRequest\` vs \`@smithy/signature-v4\` called directly: a POST with a JSON body signed, same credentials and node:crypto SHA-256 (median of ${r.options.rounds} interleaved rounds: signs per CPU-second, CPU time per sign; range of the rounds' ratios)`,
    lib(r.signing.throughput.credchain),
    lib(r.signing.throughput.sdk),
    roundsRatio(r.signing.throughput),
  ];
}

/** How signing time grew from one query size to the next, per library: ×10 parameters is ×10 time if linear, ×100 if quadratic. */
function formatGrowth(r: BenchResults): string {
  const { credchain, sdk } = r.signing.query;
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
export function formatMachine(r: Pick<BenchResults, "machine" | "measuredAt">): string {
  return `Machine: ${r.machine.nproc} × ${r.machine.cpu} (${r.machine.platform}), Node ${r.machine.node}; measured ${r.measuredAt}.`;
}

/** The error each default chain ended with off EC2, for the notes. */
export function formatNotes(r: BenchResults): string {
  return [
    `- credchain off-EC2 error: \`${r.offEc2.credchain.error}\``,
    `- AWS SDK off-EC2 error: \`${r.offEc2.sdk.error}\``,
    `- after the concurrent wave, distinct access keys returned: credchain ${r.concurrency.credchain.distinct}, AWS SDK ${r.concurrency.sdk.distinct}`,
    formatGrowth(r),
  ].join("\n");
}
