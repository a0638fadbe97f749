import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { prepareRun } from "./prepare-run.js";
import { restorePlaceholders } from "./placeholders.js";
import { isErrorOutcome, PACKAGE_ROOT, type Outcome, type Scenario } from "./scenario.js";
import { spawnAsync } from "./spawn-async.js";
import { ssoCallGraph } from "./sso-calls.js";
import { snapshotSsoTokenCache } from "./sso-token-cache.js";
import { stsCallGraph } from "./sts-calls.js";

export const ORACLE_SCRIPT = join(PACKAGE_ROOT, "scripts", "botocore-oracle.py");

let pythonCache: string | undefined;

/**
 * The real python3 executable (not a pyenv shim, which needs the real HOME), or
 * $CONFORMANCE_PYTHON. Throws a readable error when python3 or botocore is missing.
 */
export function findPython(): string {
  if (pythonCache !== undefined) return pythonCache;
  const candidate = process.env.CONFORMANCE_PYTHON ?? "python3";
  const probe = spawnSync(candidate, ["-c", "import sys, boto3, botocore; print(sys.executable)"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) {
    throw new Error(
      `${candidate} with boto3/botocore is needed to run botocore (${probe.error?.message ?? probe.stderr.trim()})`,
    );
  }
  pythonCache = probe.stdout.trim();
  return pythonCache;
}

/**
 * botocore always reads /etc/boto.cfg when BOTO_CONFIG is unset, and credchain does too: a
 * machine that has one answers differently from the committed fixtures. Returns a warning.
 */
export function machineBotoConfigWarning(path = "/etc/boto.cfg"): string | undefined {
  return existsSync(path)
    ? `${path} exists on this machine: botocore and credchain read it in every scenario without BOTO_CONFIG, ` +
        "so answers may differ from the committed expected.json files"
    : undefined;
}

/** botocore's version, for the record. */
export function botocoreVersion(): string {
  const r = spawnSync(findPython(), ["-c", "import botocore; print(botocore.__version__)"], { encoding: "utf8" });
  return r.stdout.trim();
}

/**
 * Runs botocore on a scenario in a fresh temp HOME with a scrubbed environment, against fresh
 * emulators when the scenario has some, with the scenario's `stdin`. Emulator URLs in the recorded
 * message become placeholders; with an STS emulator the answer carries its call graph (`StsCalls`),
 * with an SSO emulator the SSO calls (`SsoCalls`) and the token cache afterwards (`SsoTokenCache`).
 */
export async function runBotocore(scenario: Scenario): Promise<Outcome> {
  const python = findPython();
  const run = await prepareRun(scenario);
  try {
    const args = ["-s", ORACLE_SCRIPT];
    if (scenario.spec.profile !== undefined) args.push("--profile", scenario.spec.profile);
    const start = Date.now();
    const r = await spawnAsync(python, args, { env: run.env, cwd: run.home, timeoutMs: 60_000, input: scenario.spec.stdin });
    const end = Date.now();
    if (r.status !== 0) {
      throw new Error(`botocore oracle failed on ${scenario.name} (exit ${r.status}): ${r.error?.message ?? r.stderr}`);
    }
    const outcome = JSON.parse(r.stdout) as Outcome;
    if (isErrorOutcome(outcome) && outcome.Error.Message !== undefined) {
      outcome.Error.Message = restorePlaceholders(outcome.Error.Message, run.restore);
    }
    // The call graph: which key made which STS call (the emulator saw them all before the exit).
    if (run.emulators.sts !== undefined) outcome.StsCalls = stsCallGraph(run.emulators.sts.calls);
    // With an SSO emulator: which SSO calls were made, and what the token cache holds afterwards.
    if (run.emulators.sso !== undefined || run.emulators.ssoOidc !== undefined) {
      outcome.SsoCalls = ssoCallGraph(run.emulators.ssoRequests);
      outcome.SsoTokenCache = snapshotSsoTokenCache(run.home, { start, end });
    }
    return outcome;
  } finally {
    await run.cleanup();
  }
}
