import { defaultChain } from "@credchain/chain";
import { explainJson, explainText, EXPLAIN_FORMATS } from "./format-explain.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";

export async function explainCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", EXPLAIN_FORMATS, "text");
  const explanation = await defaultChain(chainOptions(args, io)).explain();
  io.stdout(format === "json" ? `${JSON.stringify(explainJson(explanation), null, 2)}\n` : explainText(explanation));
  return explanation.credentials ? EXIT.ok : EXIT.failed;
}
