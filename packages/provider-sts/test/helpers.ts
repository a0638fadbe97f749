import { startSts, type StsEmulator, type StsOptions } from "@credchain/emulator";
import { afterEach } from "vitest";

export { rejection as failure } from "@credchain/test-utils";

export const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);
export const ROLE = "arn:aws:iam::111122223333:role/dev";

let running: StsEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});

/** An STS emulator on loopback with the fixed clock, closed after each test. */
export async function emulator(options: StsOptions = {}): Promise<StsEmulator> {
  const sts = await startSts({ now: () => T0, ...options });
  running.push(sts);
  return sts;
}

/** Context for a client or provider talking to `sts`: its env, the fixed clock, recorded instant sleeps. */
export function contextFor(sts: StsEmulator) {
  const sleeps: number[] = [];
  return {
    sleeps,
    init: {
      env: { ...sts.env },
      now: () => T0,
      region: "us-east-1",
      sleep: async (ms: number) => void sleeps.push(ms),
      random: () => 0.5,
    },
  };
}

