import { defaultChain } from "@credchain/chain";
import { CredchainError } from "@credchain/core";
import { formatExport, EXPORT_FORMATS } from "./format-export.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";

/** A failure as the contract prints it: code and message, never a stack or a secret. */
export function errorBody(error: unknown): { Code: string; Message: string } {
  if (CredchainError.isInstance(error)) return { Code: error.code, Message: error.message };
  return { Code: "CredentialRetrieval", Message: error instanceof Error ? error.message : String(error) };
}

export async function exportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", EXPORT_FORMATS, "process");
  try {
    const credentials = await defaultChain(chainOptions(args, io))();
    io.stdout(formatExport(credentials, format));
    return EXIT.ok;
  } catch (error) {
    const body = errorBody(error);
    if (format === "json") io.stdout(`${JSON.stringify({ Error: body }, null, 2)}\n`);
    io.stderr(`credchain: ${body.Code}: ${body.Message}\n`);
    return EXIT.failed;
  }
}
