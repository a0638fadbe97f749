import type { DefaultChainOptions } from "@credchain/chain";
import { cliLogger } from "./cli-logger.js";
import type { CliIo } from "./io.js";
import type { ParsedArgs } from "./parse-args.js";

/** The MFA code for a role profile's mfa_serial, from the terminal or stdin. */
export async function askMfaCode(io: CliIo, serialNumber: string): Promise<string> {
  if (!io.readLine) throw new Error(`an MFA code for ${serialNumber} is needed and there is no way to ask for it`);
  return io.readLine(`Enter MFA code for ${serialNumber}: `);
}

/** The chain options a command gets from its flags and environment: one shot, no cache. */
export function chainOptions(args: ParsedArgs, io: CliIo): DefaultChainOptions {
  const profile = args.options.profile;
  return {
    env: io.env,
    ...(typeof profile === "string" && { profile }),
    logger: cliLogger(io),
    refresh: false,
    // As the AWS CLI: assumed roles are cached in ~/.aws/cli/cache, shared with it (CREDCHAIN_ROLE_CACHE=memory: not).
    roleCache: io.env.CREDCHAIN_ROLE_CACHE === "memory" ? "memory" : "file",
    mfaCode: ({ serialNumber }) => askMfaCode(io, serialNumber),
  };
}
