import { CredchainError, type Logger } from "@credchain/core";
import { expect } from "vitest";

/** The rejection of `promise`, checked to be a CredchainError. */
export async function failure(promise: Promise<unknown>): Promise<CredchainError> {
  try {
    await promise;
  } catch (error) {
    expect(CredchainError.isInstance(error)).toBe(true);
    return error as CredchainError;
  }
  throw new Error("expected a rejection");
}

/** A logger that keeps its lines, warnings prefixed with `warn: `. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, logger: { debug: (m) => lines.push(m), warn: (m) => lines.push(`warn: ${m}`) } };
}
