import type { Logger } from "@credchain/core";

export { rejection as failure } from "@credchain/test-utils";

/** A logger that keeps its lines, warnings prefixed with `warn: `. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) } };
}
