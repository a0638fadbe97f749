import { defaultChain } from "@credchain/chain";
import { colourEnabled, painter } from "./colour.js";
import { explainTable } from "./format-explain-table.js";
import { explainJson, explainText, EXPLAIN_FORMATS } from "./format-explain.js";
import { EXIT, type CliIo } from "./io.js";
import { choice, expectPositionals, type ParsedArgs } from "./parse-args.js";
import { chainOptions } from "./resolve-options.js";

/** `credchain explain`: JSON for machines; a table in a terminal (coloured where it can be), the full text into a pipe. */
export async function explainCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  expectPositionals(args, []);
  const format = choice(args.options, "format", EXPLAIN_FORMATS, "text");
  const explanation = await defaultChain(chainOptions(args, io)).explain();
  const colour = colourEnabled(io.env, io.stdoutIsTTY === true);
  let text: string;
  if (format === "json") text = `${JSON.stringify(explainJson(explanation), null, 2)}\n`;
  else if (io.stdoutIsTTY || (colour && io.env.FORCE_COLOR !== undefined)) text = explainTable(explanation, painter(colour), io.columns);
  else text = explainText(explanation);
  io.stdout(text);
  return explanation.credentials ? EXIT.ok : EXIT.failed;
}
