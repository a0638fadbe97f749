import { stderrLogger } from "@credchain/core";
import type { DefaultChainOptions } from "@credchain/chain";
import type { CliIo } from "./io.js";
import type { ParsedArgs } from "./parse-args.js";

/** The chain options a command gets from its flags and environment: one shot, no cache. */
export function chainOptions(args: ParsedArgs, io: CliIo): DefaultChainOptions {
  const profile = args.options.profile;
  return {
    env: io.env,
    ...(typeof profile === "string" && { profile }),
    logger: stderrLogger(Boolean(io.env.CREDCHAIN_DEBUG)),
    refresh: false,
  };
}
