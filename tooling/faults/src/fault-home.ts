import { makeTempHome, type TempHome } from "@credchain/test-utils";

/** A temp HOME whose `env()` keeps the CLI off the network and away from the host's AWS files. */
export type FaultHome = TempHome;

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
export function faultHome(): Promise<FaultHome> {
  return makeTempHome("credchain-faults-");
}
