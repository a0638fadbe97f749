import { MAIN_SPEC } from "./cli-spec.js";
import { GLOBAL_OPTIONS, type CommandSpec, type DescriptionBlock, type OptionSpec } from "./command-spec.js";

const WIDTH = 100;

/** `text` wrapped at `width` columns (words are never split). */
export function wrap(text: string, width = WIDTH, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (line !== "" && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(indent + line);
  return lines.join("\n");
}

function blocks(list: readonly DescriptionBlock[] | undefined): string[] {
  return (list ?? []).map((b) => (typeof b === "string" ? wrap(b) : b.code.replace(/^/gm, "  ")));
}

/** `-p, --profile P` (short letters in a column of their own). */
export function optionLabel(o: OptionSpec): string {
  return `${o.short ? `-${o.short}, ` : "    "}--${o.name}${o.value ? ` ${o.value}` : ""}`;
}

/** The rows of an options list: label, then help with its continuation lines under it. */
function optionRows(options: readonly OptionSpec[]): string {
  const shown = options.filter((o) => !o.hidden);
  const width = Math.max(...shown.map((o) => optionLabel(o).length)) + 3;
  return shown
    .map((o) => `  ${optionLabel(o).padEnd(width)}${o.help.split("\n").join(`\n  ${" ".repeat(width)}`)}`)
    .join("\n");
}

function list(specs: readonly CommandSpec[]): string {
  const width = Math.max(...specs.map((s) => s.name.length)) + 3;
  return specs.map((s) => `  ${s.name.padEnd(width)}${s.summary}`).join("\n");
}

/** The parts of a help page, blank lines between them. */
function page(parts: Array<string | undefined>): string {
  return `${parts.filter((p) => p !== undefined && p !== "").join("\n\n")}\n`;
}

const usage = (spec: CommandSpec) => `Usage: ${spec.usage.join(`\n${" ".repeat("Usage: ".length)}`)}`;

/**
 * `credchain --help` (no path), `credchain <command> --help`, `credchain <command> <sub> --help`:
 * rendered from the command table, as the reference pages are.
 */
export function helpText(spec: CommandSpec): string {
  if (spec === MAIN_SPEC) {
    return page([
      `credchain — ${spec.summary}`,
      usage(spec),
      `Commands:\n${list(spec.subcommands!)}`,
      `Options:\n${optionRows(GLOBAL_OPTIONS)}`,
      ...blocks(spec.notes),
    ]);
  }
  const options = [...spec.options, { ...GLOBAL_OPTIONS[0]!, help: "show this help" }];
  return page([
    usage(spec),
    ...blocks(spec.description),
    spec.subcommands && `Subcommands:\n${list(spec.subcommands)}`,
    spec.subcommands ? undefined : `Options:\n${optionRows(options)}`,
    ...blocks(spec.notes),
    spec.subcommands && `Run "credchain help ${spec.name} <subcommand>" for a subcommand's options.`,
  ]);
}
