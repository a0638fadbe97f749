import { expectedCredchainCode, stsErrorCodeOf } from "./error-codes.js";
import { isErrorOutcome, type Outcome } from "./scenario.js";
import { compareSsoCalls, type SsoCallRecord } from "./sso-calls.js";
import { compareSsoTokenCache, type SsoTokenCacheSnapshot } from "./sso-token-cache.js";
import { compareStsCalls, type StsCallRecord } from "./sts-calls.js";

/** What the credchain CLI did: its exit code and its stdout/stderr, and the STS calls it made. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The STS emulator's call graph for this run, when the scenario starts one. */
  stsCalls?: StsCallRecord[];
  /** The SSO emulators' call graph for this run, when the scenario starts one. */
  ssoCalls?: SsoCallRecord[];
  /** `~/.aws/sso/cache` after this run, when the scenario starts an SSO emulator. */
  ssoTokenCache?: SsoTokenCacheSnapshot;
}

export interface Comparison {
  /** Empty when credchain agrees with botocore. */
  differences: string[];
  /** credchain's answer in the oracle's shape, or undefined when stdout was not JSON. */
  credchain: Outcome | undefined;
}

const FIELDS = ["AccessKeyId", "SecretAccessKey", "SessionToken", "Source"] as const;

/** Reads `credchain export --format json` output into the oracle's shape. */
export function parseCliOutput(run: CliRun): Outcome | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  if ("Error" in parsed) {
    const error = parsed.Error as Record<string, unknown> | null;
    return { Error: { Code: String(error?.Code), Message: String(error?.Message ?? "") } };
  }
  return {
    AccessKeyId: parsed.AccessKeyId as string,
    SecretAccessKey: parsed.SecretAccessKey as string,
    SessionToken: (parsed.SessionToken as string | undefined) ?? null,
    Expiration: (parsed.Expiration as string | undefined) ?? null,
    Source: parsed.Source as string,
    ...("AccountId" in parsed && { AccountId: parsed.AccountId as string }),
  };
}

/** Two ISO-8601 strings (or nulls) naming the same instant. */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && ta === tb;
}

/**
 * Compares credchain's CLI run with botocore's recorded answer, field by field, the STS and SSO
 * calls each made (`StsCalls`, `SsoCalls`) call by call, and the SSO token cache each left
 * (`SsoTokenCache`) file by file.
 * `credchainCode` is the scenario's override for a Python built-in error (see error-codes.ts).
 */
export function compareWithBotocore(expected: Outcome, run: CliRun, credchainCode?: string): Comparison {
  const comparison = compareAnswers(expected, run, credchainCode);
  // The call graph is compared whatever the answer: the same credentials reached by other calls disagree.
  if (expected.StsCalls !== undefined) comparison.differences.push(...compareStsCalls(expected.StsCalls, run.stsCalls ?? []));
  // Likewise the SSO calls (a refresh botocore made, or did not), and what the token cache holds afterwards.
  if (expected.SsoCalls !== undefined) comparison.differences.push(...compareSsoCalls(expected.SsoCalls, run.ssoCalls ?? []));
  if (expected.SsoTokenCache !== undefined) {
    comparison.differences.push(...compareSsoTokenCache(expected.SsoTokenCache, run.ssoTokenCache ?? {}));
  }
  return comparison;
}

function compareAnswers(expected: Outcome, run: CliRun, credchainCode?: string): Comparison {
  const credchain = parseCliOutput(run);
  const differences: string[] = [];
  if (credchain === undefined) {
    differences.push(`credchain stdout is not JSON (exit ${run.status})`);
    return { differences, credchain };
  }
  if (isErrorOutcome(expected)) {
    const want = expectedCredchainCode(expected.Error, credchainCode);
    if (!isErrorOutcome(credchain)) {
      differences.push(`botocore failed with ${want} but credchain returned credentials (source ${credchain.Source})`);
      return { differences, credchain };
    }
    if (credchain.Error.Code !== want) {
      differences.push(`error code: botocore ${want}, credchain ${credchain.Error.Code}`);
    }
    // A service's error (STS, the SSO portal): credchain's message must name its code, as botocore's does.
    const stsCode = stsErrorCodeOf(expected.Error);
    if (stsCode !== undefined && !(credchain.Error.Message ?? "").includes(`(${stsCode})`)) {
      differences.push(`error message: botocore names the service's error (${stsCode}), credchain's message does not`);
    }
    if (run.status === 0) differences.push("credchain printed an error but exited 0");
    return { differences, credchain };
  }
  if (isErrorOutcome(credchain)) {
    differences.push(`botocore returned credentials (source ${expected.Source}) but credchain failed with ${credchain.Error.Code}`);
    return { differences, credchain };
  }
  if (run.status !== 0) differences.push(`credchain printed credentials but exited ${run.status}`);
  for (const field of FIELDS) {
    if ((expected[field] ?? null) !== (credchain[field] ?? null)) {
      differences.push(`${field}: botocore ${JSON.stringify(expected[field])}, credchain ${JSON.stringify(credchain[field])}`);
    }
  }
  if (!sameInstant(expected.Expiration, credchain.Expiration)) {
    differences.push(`Expiration: botocore ${expected.Expiration}, credchain ${credchain.Expiration}`);
  }
  if (credchain.AccountId !== undefined && (expected.AccountId ?? null) !== (credchain.AccountId ?? null)) {
    differences.push(`AccountId: botocore ${expected.AccountId}, credchain ${credchain.AccountId}`);
  }
  return { differences, credchain };
}

/**
 * Checks credchain's run against a scenario's deliberate difference: it must fail with `code`
 * (and exit non-zero), and must still disagree with botocore's recorded answer.
 */
export function compareDeliberateDifference(expected: Outcome, run: CliRun, code: string): string[] {
  const credchain = parseCliOutput(run);
  if (credchain === undefined) return [`credchain stdout is not JSON (exit ${run.status})`];
  const differences: string[] = [];
  if (!isErrorOutcome(credchain)) differences.push(`credchain returned credentials (source ${credchain.Source}), not its deliberate ${code}`);
  else if (credchain.Error.Code !== code) differences.push(`error code: deliberately ${code}, credchain ${credchain.Error.Code}`);
  else if (run.status === 0) differences.push("credchain printed an error but exited 0");
  if (compareWithBotocore(expected, run).differences.length === 0) differences.push(`credchain agrees with botocore now: remove "deliberateDifference"`);
  return differences;
}

/**
 * Compares a fresh botocore answer with the committed one (live mode): same credentials and
 * expiry instant, or the same exception class, and the same STS and SSO call graphs and token
 * cache. Messages may differ.
 */
export function compareBotocoreRuns(committed: Outcome, fresh: Outcome): string[] {
  const strip = (o: Outcome): unknown => {
    if (isErrorOutcome(o)) {
      return { Code: o.Error.Code, Class: o.Error.Class ?? null, StsCalls: o.StsCalls, SsoCalls: o.SsoCalls, SsoTokenCache: o.SsoTokenCache };
    }
    return { ...o, Expiration: o.Expiration === null ? null : Date.parse(o.Expiration) };
  };
  const a = JSON.stringify(strip(committed));
  const b = JSON.stringify(strip(fresh));
  return a === b ? [] : [`committed ${a}`, `botocore now ${b}`];
}
