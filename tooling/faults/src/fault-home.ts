import { join } from "node:path";
import { makeTempHome, type TempHome } from "@credchain/test-utils";

export interface FaultHome extends TempHome {
  /** An environment for the CLI in this HOME: IMDS off, no /etc/boto.cfg, nothing from the host. */
  env(extra?: Record<string, string>): Record<string, string>;
}

/**
 * A temp HOME for one fault case, with an environment that keeps the CLI off the network and
 * away from the host's own AWS files.
 *
 * @example
 * ```ts
 * const home = await faultHome();
 * await home.write({ ".aws/config": "[default]\n" });
 * const r = await runCli(["export"], { env: home.env({ AWS_CONFIG_FILE: "/dev/zero" }) });
 * await home.remove();
 * ```
 */
export async function faultHome(): Promise<FaultHome> {
  const home = await makeTempHome("credchain-faults-");
  return {
    ...home,
    env: (extra = {}) => ({
      HOME: home.dir,
      AWS_EC2_METADATA_DISABLED: "true",
      BOTO_CONFIG: join(home.dir, "no-boto.cfg"),
      ...extra,
    }),
  };
}
