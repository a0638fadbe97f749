import { CredchainError } from "./errors.js";
import type { CredentialSource } from "./credentials.js";

/**
 * botocore's `validate_region_name`: a host label of at most 63 letters, digits and `-`, not
 * starting or ending with `-`, not all digits. (Python's `$` also lets a trailing newline through;
 * credchain does not, as no request could use it.)
 */
const REGION_NAME = /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$/;

/**
 * Refuses a region botocore refuses (InvalidRegionError) before it goes into a host name, lest a
 * region with `/` or `@` send a request, and its token, elsewhere. `key` names the setting.
 *
 * @example
 * ```ts
 * import { checkRegionName } from "@credchain/core";
 *
 * checkRegionName("eu-west-1", "region"); // returns
 * checkRegionName("evil.example/x", "sso_region"); // throws InvalidConfig
 * ```
 */
export function checkRegionName(region: string, key: string, source?: CredentialSource): void {
  if (!REGION_NAME.test(region)) {
    throw new CredchainError({
      code: "InvalidConfig",
      message: `${key} ${JSON.stringify(region)} is not a valid region name (botocore: Provided region_name doesn't match a supported format)`,
      source,
      key,
    });
  }
}
