import { CredchainError, type Env } from "@credchain/core";
import { AWS_ENDPOINT_URL, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS } from "./endpoints.js";

/** Endpoint of AWS Sign-In (CreateOAuth2Token), botocore's variable for service id "Signin". */
export const AWS_ENDPOINT_URL_SIGNIN = "AWS_ENDPOINT_URL_SIGNIN";

/** botocore's partitions.json (region pattern or listed global region) → the host the signin rule set builds. */
const PARTITIONS: Array<{ pattern: RegExp; host: (region: string) => string }> = [
  { pattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, host: (r) => `${r}.signin.aws.amazon.com` },
  { pattern: /^(cn-\w+-\d+|aws-cn-global)$/, host: (r) => `${r}.signin.amazonaws.cn` },
  { pattern: /^eusc-(de)-\w+-\d+$/, host: (r) => `signin.${r}.amazonaws.eu` },
  { pattern: /^(us-iso-\w+-\d+|aws-iso-global)$/, host: (r) => `signin.${r}.c2s.ic.gov` },
  { pattern: /^(us-isob-\w+-\d+|aws-iso-b-global)$/, host: (r) => `signin.${r}.sc2s.sgov.gov` },
  { pattern: /^(eu-isoe-\w+-\d+|aws-iso-e-global)$/, host: (r) => `signin.${r}.cloud.adc-e.uk` },
  { pattern: /^(us-isof-\w+-\d+|aws-iso-f-global)$/, host: (r) => `signin.${r}.csp.hci.ic.gov` },
  { pattern: /^(us-gov-\w+-\d+|aws-us-gov-global)$/, host: (r) => `${r}.signin.amazonaws-us-gov.com` },
];

/**
 * Where AWS Sign-In is, without a trailing slash: the explicit option, else
 * `AWS_ENDPOINT_URL_SIGNIN`, else `AWS_ENDPOINT_URL`, else the signin rule set's regional host
 * (`https://<region>.signin.aws.amazon.com` in the aws partition, which also takes unknown regions).
 *
 * @example
 * ```ts
 * resolveSigninEndpoint("eu-west-1", {}); // "https://eu-west-1.signin.aws.amazon.com"
 * resolveSigninEndpoint("cn-north-1", {}); // "https://cn-north-1.signin.amazonaws.cn"
 * ```
 */
export function resolveSigninEndpoint(region: string, env: Env, explicit?: string): string {
  const ignore = (env[AWS_IGNORE_CONFIGURED_ENDPOINT_URLS] ?? "").toLowerCase() === "true";
  const configured = explicit || (ignore ? undefined : env[AWS_ENDPOINT_URL_SIGNIN] || env[AWS_ENDPOINT_URL]);
  // botocore checks the region even when an endpoint is configured (InvalidRegionError).
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(region)) {
    throw new CredchainError({ code: "InvalidConfig", message: `region "${region}" is not a valid region name`, source: "login", key: "region" });
  }
  if (configured) return configured.replace(/\/+$/, "");
  const partition = PARTITIONS.find((p) => p.pattern.test(region)) ?? PARTITIONS[0]!;
  return `https://${partition.host(region)}`;
}
