/** One AWS partition: which regions are in it and the DNS suffixes its endpoint rules use. */
export interface Partition {
  id: string;
  /** Regions of the partition (its `aws-…-global` pseudo-region aside). */
  regex: RegExp;
  dnsSuffix: string;
  dualStackDnsSuffix: string;
  /** AWS Sign-In's own domain where its rule set puts the region first (`<region>.signin.aws.amazon.com`). */
  signin?: string;
}

/**
 * botocore's partitions.json, reduced to what the STS, SSO, SSO-OIDC and Sign-In endpoint rules
 * use. The first row is the default: a region no pattern matches is in `aws`, as botocore has it.
 */
export const PARTITIONS: readonly Partition[] = [
  { id: "aws", regex: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", signin: "signin.aws.amazon.com" },
  { id: "aws-cn", regex: /^cn-\w+-\d+$/, dnsSuffix: "amazonaws.com.cn", dualStackDnsSuffix: "api.amazonwebservices.com.cn", signin: "signin.amazonaws.cn" },
  { id: "aws-eusc", regex: /^eusc-(de)-\w+-\d+$/, dnsSuffix: "amazonaws.eu", dualStackDnsSuffix: "api.amazonwebservices.eu" },
  { id: "aws-iso", regex: /^us-iso-\w+-\d+$/, dnsSuffix: "c2s.ic.gov", dualStackDnsSuffix: "api.aws.ic.gov" },
  { id: "aws-iso-b", regex: /^us-isob-\w+-\d+$/, dnsSuffix: "sc2s.sgov.gov", dualStackDnsSuffix: "api.aws.scloud" },
  { id: "aws-iso-e", regex: /^eu-isoe-\w+-\d+$/, dnsSuffix: "cloud.adc-e.uk", dualStackDnsSuffix: "api.cloud-aws.adc-e.uk" },
  { id: "aws-iso-f", regex: /^us-isof-\w+-\d+$/, dnsSuffix: "csp.hci.ic.gov", dualStackDnsSuffix: "api.aws.hci.ic.gov" },
  { id: "aws-us-gov", regex: /^us-gov-\w+-\d+$/, dnsSuffix: "amazonaws.com", dualStackDnsSuffix: "api.aws", signin: "signin.amazonaws-us-gov.com" },
];

/**
 * The partition of a region, as the endpoint rules' `aws.partition` finds it: the partition's
 * `<id>-global` pseudo-region, a region its pattern matches, else `aws`.
 *
 * @example
 * ```ts
 * import { partitionOf } from "@credchain/core";
 *
 * partitionOf("cn-north-1").dnsSuffix; // "amazonaws.com.cn"
 * partitionOf("aws-us-gov-global").id; // "aws-us-gov"
 * ```
 */
export function partitionOf(region: string): Partition {
  return PARTITIONS.find((p) => region === `${p.id}-global`) ?? PARTITIONS.find((p) => p.regex.test(region)) ?? PARTITIONS[0]!;
}
