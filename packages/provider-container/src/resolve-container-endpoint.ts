import { CredchainError, quoteUntrusted, type CredentialSource, type Env } from "@credchain/core/local";

/** Path on the ECS agent (169.254.170.2), e.g. `/v2/credentials/<uuid>`; wins over the full URI. */
export const AWS_CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
/** A whole URL: https anywhere, plain http only to loopback or the ECS / EKS link-local hosts. */
export const AWS_CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";

/** The provider's source, on its errors and debug lines (one copy in the bundle). */
export const SOURCE: CredentialSource = "container-role";

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

// The last URL accepted: a process asks the same endpoint each time, and checking it costs a
// resolution ~5 µs.
let accepted: [raw: string, href: string] | undefined;

function validate(raw: string, envVar: string): string {
  if (accepted?.[0] === raw) return accepted[1];
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  const host = url?.hostname.replace(/^\[|\]$/g, "");
  // Loopback as Python's `ip_address(host).is_loopback`: 127.0.0.0/8 and ::1 (a name like `localhost` is not an address).
  if (url?.protocol == "https:" || (url?.protocol == "http:" && (/^127\.\d+\.\d+\.\d+$|^::1$/.test(host!) || ALLOWED_HTTP_HOSTS.includes(host!)))) return (accepted = [raw, url.href])[1];
  throw new CredchainError({
    code: "InvalidConfig",
    message: url
      ? `${envVar} points at unsupported host '${host}' (${url.protocol}): plain http is allowed only to a loopback address or ${ALLOWED_HTTP_HOSTS.join(", ")}; https anywhere`
      : `${envVar} is not a valid URL: "${quoteUntrusted(raw)}"`,
    source: SOURCE,
    key: envVar,
  });
}
