import { defaultChain } from "@credchain/chain";
import { reportFailure } from "./failure.js";
import { formatExport, EXPORT_FORMATS } from "./format-export.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";


export async function exportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", EXPORT_FORMATS, "process");
  try {
    const credentials = await defaultChain(chainOptions(args, io))();
    io.stdout(formatExport(credentials, format));
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, io, format);
  }
}
