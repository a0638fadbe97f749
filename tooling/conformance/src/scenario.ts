import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { validateEmulatorSpec, type EmulatorSpec } from "./emulators.js";
import type { SsoCallRecord } from "./sso-calls.js";
import type { SsoTokenCacheSnapshot } from "./sso-token-cache.js";
import type { StsCallRecord } from "./sts-calls.js";

/** The package root (works from src/ under vitest and from dist/ under node). */
export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Where the scenario folders live. */
export const SCENARIOS_DIR = join(PACKAGE_ROOT, "scenarios");

/** The contents of a scenario's `scenario.json`. */
export interface ScenarioSpec {
  /** One line saying what the scenario checks. */
  description: string;
  /** Environment variables (values may contain `{{HOME}}`), on top of the scrubbed base. */
  env?: Record<string, string>;
  /** `boto3.Session(profile_name=…)` and `credchain export --profile …`; omitted = no profile. */
  profile?: string;
  /** Extra arguments for the credchain CLI only (botocore has no such thing). */
  args?: string[];
  /**
   * Only where botocore fails with a Python built-in whose closest credchain code depends on
   * context (PYTHON_BUILTIN_CODES gives the usual one): the code credchain must answer with.
   */
  credchainCode?: string;
  /**
   * Endpoints to start on loopback for this scenario (a fresh set for each side's run), whose
   * URLs fill `{{IMDS_URL}}`, `{{CONTAINER_URL}}`, `{{CONTAINER_TOKEN}}`, `{{STS_URL}}`,
   * `{{SSO_URL}}`, `{{SSO_OIDC_URL}}` in env and files.
   */
  emulator?: EmulatorSpec;
  /**
   * Text given to both sides on stdin (e.g. `"123456\n"`, the MFA code a role profile with
   * `mfa_serial` prompts for). Without it stdin is empty.
   */
  stdin?: string;
  /**
   * A documented disagreement with botocore that is credchain's to fix: the suite skips the
   * scenario and prints this reason. Not for botocore behaviour credchain chose to differ on.
   */
  knownDifference?: string;
  /**
   * A behaviour credchain chose on purpose where botocore answers otherwise (refusing credentials
   * botocore returns but no request could use, or a timestamp without a zone): the error `code`
   * credchain must answer with, and the `reason` in one line. botocore's answer stays recorded;
   * the suite fails if credchain answers anything else, or once it agrees with botocore.
   */
  deliberateDifference?: DeliberateDifference;
}

/** See {@link ScenarioSpec.deliberateDifference}. */
export interface DeliberateDifference {
  code: string;
  reason: string;
}

/** A credentials answer, as botocore's oracle records it and as credchain's CLI prints it. */
export interface CredentialsOutcome {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string | null;
  /** ISO-8601; compared as an instant. */
  Expiration: string | null;
  /** botocore's `credentials.method` / credchain's source. */
  Source: string;
  /** Recorded for information; compared only when credchain prints one. */
  AccountId?: string | null;
  /** The STS call graph, when the scenario runs an STS emulator. */
  StsCalls?: StsCallRecord[];
  /** The SSO portal's and SSO-OIDC's requests, when the scenario runs either. */
  SsoCalls?: SsoCallRecord[];
  /** `~/.aws/sso/cache` after the run, when the scenario runs an SSO emulator. */
  SsoTokenCache?: SsoTokenCacheSnapshot;
}

/** An error answer. `Class`/`Module` are the Python exception's (absent for NoCredentials). */
export interface ErrorOutcome {
  Error: {
    Code: string;
    Class?: string | null;
    Module?: string | null;
    Message?: string;
  };
  /** The STS call graph, when the scenario runs an STS emulator. */
  StsCalls?: StsCallRecord[];
  /** The SSO portal's and SSO-OIDC's requests, when the scenario runs either. */
  SsoCalls?: SsoCallRecord[];
  /** `~/.aws/sso/cache` after the run, when the scenario runs an SSO emulator. */
  SsoTokenCache?: SsoTokenCacheSnapshot;
}

export type Outcome = CredentialsOutcome | ErrorOutcome;

export interface Scenario {
  /** The folder name, e.g. `001-env-full`. */
  name: string;
  dir: string;
  spec: ScenarioSpec;
  /** The `home/` folder to copy under a temp HOME (may not exist: empty home). */
  homeDir: string;
  expectedPath: string;
  /** botocore's committed answer; undefined until regenerated. */
  expected: Outcome | undefined;
}

export function isErrorOutcome(outcome: Outcome): outcome is ErrorOutcome {
  return "Error" in outcome;
}

/** Reads one scenario folder. */
export function loadScenario(dir: string, name: string): Scenario {
  const spec = JSON.parse(readFileSync(join(dir, "scenario.json"), "utf8")) as ScenarioSpec;
  if (typeof spec.description !== "string" || spec.description === "") {
    throw new Error(`${name}/scenario.json: "description" is required`);
  }
  if (spec.emulator !== undefined) validateEmulatorSpec(spec.emulator, `${name}/scenario.json`);
  if (spec.stdin !== undefined && typeof spec.stdin !== "string") {
    throw new Error(`${name}/scenario.json: "stdin" must be a string`);
  }
  const deliberate = spec.deliberateDifference;
  if (deliberate !== undefined && !(typeof deliberate?.code === "string" && deliberate.code && typeof deliberate.reason === "string" && deliberate.reason)) {
    throw new Error(`${name}/scenario.json: "deliberateDifference" must be {"code": <credchain error code>, "reason": <one line>}`);
  }
  const expectedPath = join(dir, "expected.json");
  const expected = existsSync(expectedPath)
    ? (JSON.parse(readFileSync(expectedPath, "utf8")) as Outcome)
    : undefined;
  return { name, dir, spec, homeDir: join(dir, "home"), expectedPath, expected };
}

/**
 * Every scenario folder (a folder holding scenario.json), sorted by name; `only` narrows the
 * list to the named folders (exact name or its number prefix, e.g. `012`).
 */
export function listScenarios(root: string = SCENARIOS_DIR, only: string[] = []): Scenario[] {
  const names = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, "scenario.json")))
    .map((d) => d.name)
    .sort();
  const picked = only.length === 0
    ? names
    : names.filter((n) => only.some((o) => n === o || n.startsWith(`${o}-`)));
  const unknown = only.filter((o) => !names.some((n) => n === o || n.startsWith(`${o}-`)));
  if (unknown.length > 0) throw new Error(`no such scenario: ${unknown.join(", ")}`);
  return picked.map((n) => loadScenario(join(root, n), n));
}
