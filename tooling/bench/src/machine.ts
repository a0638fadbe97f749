import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

export interface Machine {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
}

/** nproc, the CPU model from /proc/cpuinfo, and the Node version. */
export function describeMachine(): Machine {
  let cpu = "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: leave "unknown"
  }
  return { nproc: availableParallelism(), cpu, node: process.version, platform: `${process.platform}-${process.arch}` };
}
