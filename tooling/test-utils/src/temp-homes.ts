import { afterAll } from "vitest";
import { makeTempHome, type TempHome } from "./temp-home.js";

/**
 * A maker of temp homes that are all removed when the calling test file's tests end (it
 * registers one vitest `afterAll`, so call it at the top of the file, not inside a test).
 *
 * @example
 * ```ts
 * const home = tempHomes("credchain-chain-");
 * it("reads the profile", async () => {
 *   const h = await home({ ".aws/config": "[profile dev]\ncredential_process = {{HOME}}/p\n" });
 *   await defaultChain({ env: h.env({ AWS_PROFILE: "dev" }) })();
 * });
 * ```
 */
export function tempHomes(prefix: string): (files?: Record<string, string | Buffer>) => Promise<TempHome> {
  const made: TempHome[] = [];
  afterAll(() => Promise.all(made.map((home) => home.remove())));
  return async (files) => {
    const home = await makeTempHome(prefix, files);
    made.push(home);
    return home;
  };
}
