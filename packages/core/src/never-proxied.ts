/**
 * Hosts no request is ever proxied to: the EC2 metadata service, the ECS / EKS container
 * endpoints, and anything link-local or loopback. A proxy cannot reach them for us (they answer
 * only the instance or task itself), and sending IMDS traffic through a proxy can leak role
 * credentials to it. botocore differs: it honours HTTP_PROXY for IMDS unless NO_PROXY lists it.
 *
 * @param hostname a URL's `hostname` (IPv6 with or without brackets)
 * @example
 * ```ts
 * isNeverProxied("169.254.169.254"); // true
 * isNeverProxied("sts.us-east-1.amazonaws.com"); // false
 * ```
 */
export function isNeverProxied(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  // IPv4: 127.0.0.0/8 loopback, 169.254.0.0/16 link-local (IMDS .169.254, ECS .170.2, EKS .170.23).
  if (/^(127|169\.254)\.\d{1,3}\.\d{1,3}(\.\d{1,3})?$/.test(host)) return true;
  // IPv6: loopback, the IMDS and EKS addresses, fe80::/10 link-local; IPv4-mapped forms of the above.
  if (host === "::1" || host === "fd00:ec2::254" || host === "fd00:ec2::23") return true;
  if (/^fe[89ab][0-9a-f]:/.test(host)) return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host);
  if (mapped) {
    const high = Number.parseInt(mapped[1]!, 16);
    return high >> 8 === 127 || high === 0xa9fe; // 127.x.x.x or 169.254.x.x
  }
  return false;
}
