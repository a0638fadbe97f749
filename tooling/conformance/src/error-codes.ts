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
  // The MFA prompt (getpass) of a role profile with mfa_serial read end of input.
  EOFError: "CredentialRetrieval",
  // An expiry without a zone (AWS_CREDENTIAL_EXPIRATION, a process's Expiration): dateutil reads
  // it naive and botocore fails comparing it with an aware "now" (a process's output overrides
  // this with credchainCode: CredentialRetrieval).
  TypeError: "InvalidConfig",
};

/**
 * botocore's own exceptions that have no credchain code of their name, and the code credchain
 * answers with instead (ARCHITECTURE.md: "a raw client error … its closest own code and a
 * message that names the cause"). Modeled STS errors (`botocore.errorfactory.*`, e.g.
 * ExpiredTokenException) count as ClientError. Keep README.md's table in step with this one.
 */
export const BOTOCORE_UNCODED: Readonly<Record<string, string>> = {
  // STS answered with an error (AccessDenied, ValidationError, SignatureDoesNotMatch, …).
  ClientError: "CredentialRetrieval",
  // botocore refused a parameter before sending it (DurationSeconds under 900, a token too short).
  ParamValidationError: "InvalidConfig",
  // TLS failed, or the CA bundle could not be loaded (missing, a directory, no certificate): the
  // call to STS, SSO or SSO-OIDC never got an answer. An SSO token refresh sets credchainCode.
  SSLError: "CredentialRetrieval",
};

/** The STS error code named in a ClientError's message ("An error occurred (AccessDenied) when …"). */
export function stsErrorCodeOf(error: ErrorOutcome["Error"]): string | undefined {
  if (error.Class !== "ClientError" && error.Module !== "botocore.errorfactory") return undefined;
  return /^An error occurred \(([^)]+)\)/.exec(error.Message ?? "")?.[1];
}

/** Whether botocore raised something whose credchain code comes from a table (so `credchainCode` may refine it). */
export function hasMappedCode(error: ErrorOutcome["Error"]): boolean {
  const { Class: cls, Module: mod } = error;
  if (cls === undefined || cls === null) return false;
  if (mod === "botocore.errorfactory" || Object.hasOwn(BOTOCORE_UNCODED, cls)) return true;
  return mod === undefined || mod === null || !mod.startsWith("botocore");
}

/** The code credchain must answer with for botocore's recorded error. */
export function expectedCredchainCode(error: ErrorOutcome["Error"], override?: string): string {
  const { Class: cls, Module: mod, Code: code } = error;
  if (cls === undefined || cls === null) return code; // NoCredentials: get_credentials() returned None
  if (!hasMappedCode(error)) return code;
  if (override !== undefined) return override;
  if (mod === "botocore.errorfactory") return BOTOCORE_UNCODED.ClientError as string;
  if (Object.hasOwn(BOTOCORE_UNCODED, cls)) return BOTOCORE_UNCODED[cls] as string;
  const mapped = PYTHON_BUILTIN_CODES[cls];
  if (mapped === undefined) {
    throw new Error(`botocore raised ${mod ?? "?"}.${cls}, which has no row in PYTHON_BUILTIN_CODES`);
  }
  return mapped;
}
