import { defaultChain } from "@credchain/chain";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, stringOption, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";
import { stsForCli } from "./sts-for-cli.js";

/** `credchain whoami`: STS GetCallerIdentity with the chain's credentials, and where they came from. */
export async function whoamiCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", ["text", "json"] as const, "text");
  try {
    const credentials = defaultChain(chainOptions(args, io));
    const source = (await credentials()).source;
    const sts = await stsForCli(io, stringOption(args, "profile"), credentials);
    const id = await sts.getCallerIdentity();
    const body = { Account: id.account, Arn: id.arn, UserId: id.userId, Source: source };
    io.stdout(format === "json" ? `${JSON.stringify(body, null, 2)}\n` : Object.entries(body).map(([k, v]) => `${k.padEnd(8)} ${v}\n`).join(""));
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, format);
  }
}
