import { substitutePlaceholders } from "./placeholders.js";

/**
 * Env vars that would let either implementation reach a real metadata endpoint
 * (169.254.169.254, 169.254.170.2). A scenario may set the endpoint ones only to loopback.
 */
const LOOPBACK_ONLY = ["AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_CONTAINER_CREDENTIALS_FULL_URI"];

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
 * The whole environment of a scenario run, identical for botocore and credchain: the scenario's
 * env (placeholders substituted), PATH, HOME = the temp home, and AWS_EC2_METADATA_DISABLED=true
 * unless the scenario points IMDS at loopback. Nothing else of the caller's environment leaks
 * in (no AWS_*, no real HOME, no proxies). AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE are set
 * only if the scenario sets them.
 */
export function scrubbedEnv(
  scenarioEnv: Record<string, string> | undefined,
  home: string,
  path: string = process.env.PATH ?? "/usr/bin:/bin",
): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [key, value] of Object.entries(scenarioEnv ?? {})) {
    own[key] = substitutePlaceholders(value, home);
  }
  for (const key of FORBIDDEN) {
    if (key in own) throw new Error(`${key} would reach 169.254.170.2: not allowed in a scenario`);
  }
  for (const key of LOOPBACK_ONLY) {
    const value = own[key];
    if (value !== undefined && !isLoopbackUrl(value)) {
      throw new Error(`${key}=${value} is not a loopback URL: not allowed in a scenario`);
    }
  }
  // The scenario cannot replace PATH or HOME: the temp home is the point of the exercise.
  const env: Record<string, string> = { ...own, PATH: path, HOME: home };
  const imdsOnLoopback = own.AWS_EC2_METADATA_SERVICE_ENDPOINT !== undefined;
  if (!imdsOnLoopback) {
    if (own.AWS_EC2_METADATA_DISABLED !== undefined && own.AWS_EC2_METADATA_DISABLED.toLowerCase() !== "true") {
      throw new Error("AWS_EC2_METADATA_DISABLED may be other than true only with a loopback endpoint");
    }
    env.AWS_EC2_METADATA_DISABLED = "true";
  }
  return env;
}
