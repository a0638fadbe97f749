import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const SDK = "@aws-sdk/credential-providers";
export const CREDCHAIN = "@credchain/credential-providers";

/** A provider call as JSON: the function, its arguments (with the markers of scenario-core.mjs). */
export interface ProviderCall {
  fn: string;
  args?: unknown[];
  expireAfter?: number;
}

export interface Scenario {
  call: ProviderCall;
  /** Use the provider as an STSClient's credentials (GetCallerIdentity) with this client config. */
  client?: Record<string, unknown>;
  /** Standalone: how many calls. Default 1. */
  calls?: number;
  /** Standalone: the argument of each call. */
  props?: unknown;
}

export interface Outcome {
  exports: string[];
  seen: unknown[];
  ok: boolean;
  credentials?: Record<string, string>;
  answers?: Record<string, string>[];
  arn?: string;
  error?: { name?: string; message: string; code?: string; tryNextLink: boolean };
}

const RUNNERS = { esm: fileURLToPath(new URL("./run-scenario.mjs", import.meta.url)), cjs: fileURLToPath(new URL("./run-scenario.cjs", import.meta.url)) };

/**
 * Runs a scenario in a fresh Node.js process through `module`, with exactly `env` (plus PATH) as
 * its environment: each module reads `process.env` and the files under HOME as a program would.
 */
export function runScenario(module: string, scenario: Scenario, env: Record<string, string>, format: "esm" | "cjs" = "esm"): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [RUNNERS[format], module, JSON.stringify(scenario)],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000, cwd: fileURLToPath(new URL(".", import.meta.url)) },
      (error, stdout, stderr) => {
        const line = stdout.trim().split("\n").at(-1);
        if (!line) return reject(new Error(`${module} printed nothing (${error?.message ?? ""}): ${stderr}`));
        resolve(JSON.parse(line) as Outcome);
      },
    );
  });
}

/** The same scenario through the AWS SDK's package, then credchain's (in that order, so emulator logs can be cut per run). */
export async function runBoth(
  scenario: Scenario,
  env: Record<string, string>,
  options: { format?: "esm" | "cjs"; between?: () => void } = {},
): Promise<{ sdk: Outcome; credchain: Outcome }> {
  const sdk = await runScenario(SDK, scenario, env, options.format);
  options.between?.();
  const credchain = await runScenario(CREDCHAIN, scenario, env, options.format);
  return { sdk, credchain };
}

/** Credentials without credchain's `source`: what both packages return. */
export function sdkShape(credentials: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!credentials) return credentials;
  const { source: _, ...rest } = credentials;
  return rest;
}
