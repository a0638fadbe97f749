import type { StsCall } from "@credchain/emulator";

/**
 * One STS call in the call graph a scenario compares: which caller key made which call with
 * which parameters, and the STS error code it got. Secrets never appear (the emulator records
 * `WebIdentityToken` and `TokenCode` as `[redacted]`).
 */
export interface StsCallRecord {
  action: string;
  /** The signing access key id; absent for the unsigned AssumeRoleWithWebIdentity. */
  accessKeyId?: string;
  /** The Query parameters except Action and Version, generated session names normalised. */
  params: Record<string, string>;
  /** The STS error code sent, if any. */
  errorCode?: string;
}

/**
 * What a generated RoleSessionName is recorded as: both botocore and credchain name a session
 * `botocore-session-<epoch seconds>` when none is configured, and the epoch differs per run.
 */
export const GENERATED_SESSION_NAME = "botocore-session-<epoch>";
const GENERATED = /^botocore-session-\d{10,}$/;

/**
 * The emulator's calls as the comparable call graph, oldest first, with a generated
 * `RoleSessionName` replaced by GENERATED_SESSION_NAME.
 *
 * @example
 * ```ts
 * stsCallGraph(sts.calls);
 * // [{ action: "AssumeRole", accessKeyId: "AKIAEMULATORUSER0001",
 * //    params: { RoleArn: "arn:aws:iam::123456789012:role/dev", RoleSessionName: "botocore-session-<epoch>" } }]
 * ```
 */
export function stsCallGraph(calls: readonly StsCall[]): StsCallRecord[] {
  return calls.map((c) => {
    const params = { ...c.params };
    if (params.RoleSessionName !== undefined && GENERATED.test(params.RoleSessionName)) {
      params.RoleSessionName = GENERATED_SESSION_NAME;
    }
    return {
      action: c.action,
      ...(c.accessKeyId !== undefined && { accessKeyId: c.accessKeyId }),
      params: sortKeys(params),
      ...(c.errorCode !== undefined && { errorCode: c.errorCode }),
    };
  });
}

function sortKeys(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The differences between botocore's call graph and credchain's, one line per call that differs
 * (by position), or a count mismatch. Empty when they agree.
 */
export function compareStsCalls(botocore: readonly StsCallRecord[], credchain: readonly StsCallRecord[]): string[] {
  const differences: string[] = [];
  const n = Math.max(botocore.length, credchain.length);
  for (let i = 0; i < n; i++) {
    const a = botocore[i] === undefined ? undefined : JSON.stringify(botocore[i]);
    const b = credchain[i] === undefined ? undefined : JSON.stringify(credchain[i]);
    if (a !== b) differences.push(`StsCalls[${i}]: botocore ${a ?? "(no call)"}, credchain ${b ?? "(no call)"}`);
  }
  return differences;
}
