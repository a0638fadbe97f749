import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CliRun } from "./compare.js";
import { restorePlaceholders } from "./placeholders.js";
import { prepareRun } from "./prepare-run.js";
import { PACKAGE_ROOT, type Scenario } from "./scenario.js";
import { spawnAsync } from "./spawn-async.js";
import { ssoCallGraph } from "./sso-calls.js";
import { snapshotSsoTokenCache } from "./sso-token-cache.js";
import { stsCallGraph } from "./sts-calls.js";

/** The repository root (tooling/conformance is two levels down). */
export const REPO_ROOT = join(PACKAGE_ROOT, "..", "..");

/** The real CLI entry point, run as `node <this> export --format json`. */
export const CLI_BIN = join(REPO_ROOT, "packages", "cli", "bin", "credchain.js");

/** The CLI to run: $CONFORMANCE_CLI (a script run with node, e.g. a published build) or CLI_BIN. */
export function cliBin(env: NodeJS.ProcessEnv = process.env): string {
  return env.CONFORMANCE_CLI ?? CLI_BIN;
}

const GUARD = pathToFileURL(join(PACKAGE_ROOT, "scripts", "loopback-guard.mjs")).href;

/** Throws a readable error when the CLI has not been built. */
export function assertCliBuilt(): void {
  if (process.env.CONFORMANCE_CLI !== undefined) {
    if (!existsSync(process.env.CONFORMANCE_CLI)) throw new Error(`CONFORMANCE_CLI=${process.env.CONFORMANCE_CLI} does not exist`);
    return;
  }
  const dist = join(REPO_ROOT, "packages", "cli", "dist", "index.js");
  if (!existsSync(dist)) {
    throw new Error(
      "packages/cli/dist is missing: build it first with " +
        "`TURBO_TELEMETRY_DISABLED=1 pnpm turbo run build --filter=@credchain/cli...`",
    );
  }
}

/** The credchain command line for a scenario (for humans reading a failure). */
export function credchainArgs(scenario: Scenario): string[] {
  const args = ["export", "--format", "json"];
  if (scenario.spec.profile !== undefined) args.push("--profile", scenario.spec.profile);
  return [...args, ...(scenario.spec.args ?? [])];
}

/**
 * Runs `node packages/cli/bin/credchain.js export --format json [--profile P]` on a scenario in a
 * fresh temp HOME with the same scrubbed environment botocore gets, against fresh emulators when
 * the scenario has some, with the scenario's `stdin`. Paths of the temp home and emulator URLs in
 * the output are turned back into `{{HOME}}`, `{{IMDS_URL}}`, `{{CONTAINER_URL}}`, `{{STS_URL}}`,
 * `{{SSO_URL}}`, `{{SSO_OIDC_URL}}`; with an STS emulator the run carries its call graph
 * (`stsCalls`), with an SSO emulator its SSO calls and the token cache afterwards.
 */
export async function runCredchain(scenario: Scenario, bin: string = cliBin()): Promise<CliRun> {
  const run = await prepareRun(scenario);
  try {
    const start = Date.now();
    const r = await spawnAsync(process.execPath, ["--import", GUARD, bin, ...credchainArgs(scenario)], {
      env: run.env,
      cwd: run.home,
      timeoutMs: 30_000,
      input: scenario.spec.stdin,
    });
    const end = Date.now();
    const sso = run.emulators.sso !== undefined || run.emulators.ssoOidc !== undefined;
    return {
      ...(run.emulators.sts !== undefined && { stsCalls: stsCallGraph(run.emulators.sts.calls) }),
      ...(sso && {
        ssoCalls: ssoCallGraph(run.emulators.ssoRequests),
        ssoTokenCache: snapshotSsoTokenCache(run.home, { start, end }),
      }),
      status: r.status,
      stdout: restorePlaceholders(r.stdout, run.restore),
      stderr: restorePlaceholders(r.error !== undefined ? `${r.stderr}${r.error.message}` : r.stderr, run.restore),
    };
  } finally {
    await run.cleanup();
  }
}
