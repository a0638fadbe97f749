import type { ErrorOutcome } from "./scenario.js";

/**
 * Where botocore fails with a Python built-in instead of one of its own exceptions, the credchain
 * code we accept (ARCHITECTURE.md: "credchain fails too, with its closest own code"). Keyed by
 * the Python class name the oracle recorded. Keep README.md's table in step with this one.
 */
export const PYTHON_BUILTIN_CODES: Readonly<Record<string, string>> = {
  // credential_process printed something that is not JSON.
  JSONDecodeError: "CredentialRetrieval",
  // credential_process JSON is not an object (e.g. `[]`, `"x"`): `.get` on a list/str.
  AttributeError: "CredentialRetrieval",
  // credential_process command does not exist / is not executable (subprocess.Popen).
  FileNotFoundError: "CredentialRetrieval",
  PermissionError: "CredentialRetrieval",
  // AWS_CREDENTIAL_EXPIRATION that dateutil cannot parse (a scenario on credential_process
  // output overrides this with credchainCode: CredentialRetrieval).
  ParserError: "InvalidConfig",
  // credential_process command line with unbalanced quotes ("No closing quotation", shlex.split);
  // a container authorization token with CR/LF; a container FULL_URI on a host not allowed.
  ValueError: "InvalidConfig",
  // credential_process set to an empty value (Popen of an empty argument list).
  IndexError: "InvalidConfig",
  // "Credentials were refreshed, but the refreshed credentials are still expired." (env or
  // credential_process returning an Expiration in the past).
  RuntimeError: "CredentialRetrieval",
  // AWS_CREDENTIAL_FILE with AWSAccessKeyId but no AWSSecretKey (a dict indexed directly). A
  // container answer missing a key is KeyError too; those scenarios set credchainCode.
  KeyError: "PartialCredentials",
};

/** The code credchain must answer with for botocore's recorded error. */
export function expectedCredchainCode(error: ErrorOutcome["Error"], override?: string): string {
  const { Class: cls, Module: mod, Code: code } = error;
  if (cls === undefined || cls === null) return code; // NoCredentials: get_credentials() returned None
  if (mod !== undefined && mod !== null && mod.startsWith("botocore")) return code;
  if (override !== undefined) return override;
  const mapped = PYTHON_BUILTIN_CODES[cls];
  if (mapped === undefined) {
    throw new Error(`botocore raised ${mod ?? "?"}.${cls}, which has no row in PYTHON_BUILTIN_CODES`);
  }
  return mapped;
}
