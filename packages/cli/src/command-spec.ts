/**
 * What the CLI accepts, as data: the parser validates argv against it, and `--help`, the
 * reference pages in docs/cli/ and the shell completion scripts are all rendered from it, so
 * none of them can say something the others do not.
 */

/** One option. With `value` it takes a value (`--profile P`); without, it is a flag. */
export interface OptionSpec {
  /** Long name without the dashes: `profile`. */
  readonly name: string;
  /** One-letter alias: `p` for `-p`. */
  readonly short?: string;
  /** The value's placeholder in usage and help (`P`); absent for a flag. */
  readonly value?: string;
  /** The values the option accepts, for `--help`, completion and the parser. */
  readonly choices?: readonly string[];
  /** What completion offers for the value: profile names from the config files. */
  readonly complete?: "profiles";
  /** Help text; lines after the first are indented under it. */
  readonly help: string;
  /** Internal: accepted, never shown (the `serve --daemon` child's marker). */
  readonly hidden?: true;
}

/** A block of a command's description: a paragraph, or lines shown as they are (a shell example). */
export type DescriptionBlock = string | { readonly code: string };

export interface CommandSpec {
  /** `export`, or a subcommand's own name (`set`). */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage lines without `Usage: `, the first starting `credchain …`. */
  readonly usage: readonly string[];
  readonly description: readonly DescriptionBlock[];
  readonly options: readonly OptionSpec[];
  /** Words after the command, for completion: the values each position accepts, or profile names. */
  readonly positionals?: readonly (readonly string[] | "profiles")[];
  /** Subcommands (`configure set`): each with its own options. */
  readonly subcommands?: readonly CommandSpec[];
  /** Paragraphs after the options: exit codes, files, caveats. */
  readonly notes?: readonly DescriptionBlock[];
}

/** The options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: "help", short: "h", help: "show this help" },
  { name: "version", short: "v", help: "print the version" },
];

/** `-p, --profile P`, with its help for the command at hand; profile names complete it. */
export function profileOption(help: string): OptionSpec {
  return { name: "profile", short: "p", value: "P", complete: "profiles", help };
}
