import { substitutePlaceholders, type PlaceholderValues } from "./placeholders.js";

/**
 * Env vars that would let either implementation reach a real metadata endpoint
 * (169.254.169.254, 169.254.170.2), a real STS or a real SSO portal / SSO-OIDC. A scenario may set them only to loopback
 * (`{{IMDS_URL}}`, `{{CONTAINER_URL}}`, `{{STS_URL}}`, `{{SSO_URL}}`, `{{SSO_OIDC_URL}}`).
 */
const LOOPBACK_ONLY = [
  "AWS_EC2_METADATA_SERVICE_ENDPOINT",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_ENDPOINT_URL_STS",
  "AWS_ENDPOINT_URL_SSO",
  "AWS_ENDPOINT_URL_SSO_OIDC",
  "AWS_ENDPOINT_URL",
];

/** The relative URI always goes to 169.254.170.2: never allowed. */
const FORBIDDEN = ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];

export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/**
 * A plain-http URL on TEST-NET-1 (192.0.2.0/24, RFC 5737: reserved for documentation, never
 * routed). The one non-loopback FULL_URI a scenario may use, to check that botocore and credchain
 * refuse a non-allowed host before connecting; the loopback guards of both sides stop them if not.
 */
export function isRefusedHostUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" && /^192\.0\.2\.\d+$/.test(url.hostname);
  } catch {
    return false;
  }
}

export interface ScrubbedEnvOptions {
  /**
   * The scenario runs an IMDS emulator: IMDS stays enabled even without
   * AWS_EC2_METADATA_SERVICE_ENDPOINT (a config file may name `{{IMDS_URL}}`).
   */
  imdsEmulator?: boolean;
}

/**
 * The whole environment of a scenario run, identical for botocore and credchain: the scenario's
 * env (placeholders substituted), PATH, HOME = the temp home, and AWS_EC2_METADATA_DISABLED=true
 * unless the scenario points IMDS at loopback or runs an IMDS emulator. Nothing else of the
 * caller's environment leaks in (no AWS_*, no real HOME, no proxies). AWS_CONFIG_FILE /
 * AWS_SHARED_CREDENTIALS_FILE are set only if the scenario sets them.
 *
 * `values` is the temp home, or every placeholder's value (HOME and the emulators' URLs).
 */
export function scrubbedEnv(
  scenarioEnv: Record<string, string> | undefined,
  values: string | PlaceholderValues,
  path: string = process.env.PATH ?? "/usr/bin:/bin",
  options: ScrubbedEnvOptions = {},
): Record<string, string> {
  const home = typeof values === "string" ? values : values.HOME;
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(scenarioEnv ?? {})) {
    own[key] = substitutePlaceholders(value, values);
  }
  for (const key of FORBIDDEN) {
    if (key in own) throw new Error(`${key} would reach 169.254.170.2: not allowed in a scenario`);
  }
  for (const key of LOOPBACK_ONLY) {
    const value = own[key];
    const refusedHost = key === "AWS_CONTAINER_CREDENTIALS_FULL_URI" && value !== undefined && isRefusedHostUrl(value);
    if (value !== undefined && !isLoopbackUrl(value) && !refusedHost) {
      throw new Error(`${key}=${value} is not a loopback URL: not allowed in a scenario`);
    }
  }
  // The scenario cannot replace PATH or HOME: the temp home is the point of the exercise.
  const env: Record<string, string> = { ...own, PATH: path, HOME: home };
  const imdsOnLoopback = own.AWS_EC2_METADATA_SERVICE_ENDPOINT !== undefined || options.imdsEmulator === true;
  if (!imdsOnLoopback) {
    if (own.AWS_EC2_METADATA_DISABLED !== undefined && own.AWS_EC2_METADATA_DISABLED.toLowerCase() !== "true") {
      throw new Error("AWS_EC2_METADATA_DISABLED may be other than true only with a loopback endpoint or an IMDS emulator");
    }
    env.AWS_EC2_METADATA_DISABLED = "true";
  }
  return env;
}
