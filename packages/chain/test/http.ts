import { CredchainError, ERROR_CODES, type Credentials, type Logger } from "@credchain/core";
import type { RequestRecord } from "@credchain/emulator";
import { afterAll, beforeAll, expect } from "vitest";

/** A clock the test moves by hand, shared by the emulator and the providers. */
export function manualClock(start = Date.UTC(2026, 0, 1, 12)): { now: () => number; advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

export const HOUR = 60 * 60_000;
export const MINUTE = 60_000;

/** A logger that keeps its lines, so a test can check what was warned about. */
export function recordingLogger(): Logger & { warnings: string[]; debugs: string[] } {
  const warnings: string[] = [];
  const debugs: string[] = [];
  return { warnings, debugs, warn: (m) => void warnings.push(m), debug: (m) => void debugs.push(m) };
}

/** GETs of a credentials document (not the role listing, not the token) in an emulator log. */
export function credentialGets(requests: readonly RequestRecord[]): RequestRecord[] {
  return requests.filter(
    (r) =>
      r.method === "GET" &&
      (r.path === "/creds" || /^\/latest\/meta-data\/iam\/security-credentials(-extended)?\/[^/]+$/.test(r.path)),
  );
}

/**
 * Collects unhandled rejections for the whole test file; `expectNone()` fails the test that
 * left one behind. Registered on `process`, next to vitest's own handler.
 */
export function trackUnhandledRejections(): { expectNone(): void } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => void seen.push(reason);
  beforeAll(() => void process.on("unhandledRejection", onRejection));
  afterAll(() => void process.off("unhandledRejection", onRejection));
  return {
    expectNone() {
      expect(seen.map((r) => String((r as Error)?.message ?? r))).toEqual([]);
    },
  };
}

/** What a call ended with: credentials or an error, never a hang. */
export type Outcome = { ok: true; credentials: Credentials } | { ok: false; error: unknown };

export async function settle(p: Promise<Credentials>): Promise<Outcome> {
  return p.then(
    (credentials) => ({ ok: true as const, credentials }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** The error of an outcome, which must be a CredchainError with a known code. */
export function credchainErrorOf(outcome: Outcome): CredchainError {
  if (outcome.ok) throw new Error(`expected an error, got credentials ${outcome.credentials.accessKeyId}`);
  const { error } = outcome;
  if (!CredchainError.isInstance(error)) throw new Error(`expected a CredchainError, got ${String(error)}`);
  expect(Object.keys(ERROR_CODES)).toContain(error.code);
  return error;
}
