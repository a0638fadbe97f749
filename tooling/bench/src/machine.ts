import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
  /** The 1-minute load average when the run started: how busy the machine was. */
  load: number;
  /** The AWS SDK packages measured against, and their versions. */
  sdk: Record<string, string>;
}

/** The SDK packages the bench measures against. */
const SDK_PACKAGES = [
  "@aws-sdk/credential-provider-node",
  "@aws-sdk/credential-provider-env",
  "@aws-sdk/credential-providers",
  "@smithy/credential-provider-imds",
  "@smithy/core",
  "@smithy/shared-ini-file-loader",
  "@smithy/signature-v4",
];

/** nproc, the CPU model from /proc/cpuinfo, the Node version, the load, and the SDK's versions. */
export function describeMachine(): Machine {
  let cpu = "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: leave "unknown"
  }
  const require = createRequire(import.meta.url);
  const sdk = Object.fromEntries(SDK_PACKAGES.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]));
  return { nproc: availableParallelism(), cpu, node: process.version, platform: `${process.platform}-${process.arch}`, load: loadavg()[0] ?? 0, sdk };
}
