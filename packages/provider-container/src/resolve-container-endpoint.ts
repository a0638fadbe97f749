import { CredchainError, type Env } from "@credchain/core";

/** Path on the ECS agent (169.254.170.2), e.g. `/v2/credentials/<uuid>`; wins over the full URI. */
export const AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
/** A whole URL: https anywhere, plain http only to loopback or the ECS / EKS link-local hosts. */
export const AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

/** The ECS agent's address that RELATIVE_URI is resolved against (botocore's `IP_ADDRESS`). */
export const ECS_CONTAINER_HOST = "169.254.170.2";

/** Hosts plain http may go to besides loopback, as botocore's `_ALLOWED_HOSTS`. */
export const ALLOWED_HTTP_HOSTS: readonly string[] = [ECS_CONTAINER_HOST, "169.254.170.23", "fd00:ec2::23", "localhost"];

/** Where the container credentials live and which variable said so. */
export interface ContainerEndpoint {
  url: string;
  envVar: typeof AWS_CONTAINER_CREDENTIALS_RELATIVE_URI | typeof AWS_CONTAINER_CREDENTIALS_FULL_URI;
}

/**
 * The container credentials URL that botocore's ContainerProvider would call, or undefined when
 * neither variable is set. A variable set to `""` still counts, as in botocore. RELATIVE_URI is
 * appended to `http://169.254.170.2` as is; FULL_URI must be https, or http to a loopback address
 * or one of {@link ALLOWED_HTTP_HOSTS}, else this throws `InvalidConfig` (botocore: ValueError).
 *
 * @example
 * ```ts
 * resolveContainerEndpoint({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/abc" });
 * // { url: "http://169.254.170.2/v2/credentials/abc", envVar: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" }
 * ```
 */
export function resolveContainerEndpoint(env: Env): ContainerEndpoint | undefined {
  const relative = env[AWS_CONTAINER_CREDENTIALS_RELATIVE_URI];
  if (relative !== undefined) {
    return { url: validate(`http://${ECS_CONTAINER_HOST}${relative}`, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI), envVar: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI };
  }
  const full = env[AWS_CONTAINER_CREDENTIALS_FULL_URI];
  if (full !== undefined) return { url: validate(full, AWS_CONTAINER_CREDENTIALS_FULL_URI), envVar: AWS_CONTAINER_CREDENTIALS_FULL_URI };
  return undefined;
}

function validate(raw: string, envVar: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw invalid(envVar, `${envVar} is not a valid URL: "${redactUrl(raw)}"`, cause);
  }
  if (url.protocol === "https:") return url.href;
  if (url.protocol !== "http:") {
    throw invalid(envVar, `${envVar} must be an http or https URL, got "${url.protocol}" in "${redactUrl(raw)}"`);
  }
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (isLoopback(host) || ALLOWED_HTTP_HOSTS.includes(host)) return url.href;
  throw invalid(
    envVar,
    `${envVar} points at unsupported host '${host}': plain http is allowed only to a loopback address or ` +
      `${ALLOWED_HTTP_HOSTS.join(", ")}; use https for any other host`,
  );
}

/** 127.0.0.0/8 and ::1, as Python's `ip_address(host).is_loopback` (a name like `localhost` is not an address). */
function isLoopback(host: string): boolean {
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  return host === "::1";
}

function invalid(key: string, message: string, cause?: unknown): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: "container-role", key, cause });
}

/** The URL without user info, for messages. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = "";
      url.password = "";
    }
    return url.href;
  } catch {
    return raw.replace(/\/\/[^/@]*@/, "//[redacted]@");
  }
}
