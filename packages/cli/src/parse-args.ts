import { parseArgs as tokenize } from "node:util";
import { findSpec, MAIN_SPEC } from "./cli-spec.js";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./command-spec.js";
import { nearest } from "./nearest.js";

/** A usage mistake: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  command: string | undefined;
  /** `set` in `configure set`, for commands that have subcommands. */
  subcommand: string | undefined;
  /** Words after the command (and subcommand): `configure set KEY VALUE`. */
  positionals: string[];
  /** Everything after a bare `--`, untouched (`exec -- cmd args`). */
  rest: string[] | undefined;
  /** By long name: the value, or `true` for a flag. */
  options: Record<string, string | true>;
}

/** Every option of every command, by long name (one name has one type and one short letter everywhere). */
function optionTable(): Map<string, OptionSpec> {
  const table = new Map<string, OptionSpec>(GLOBAL_OPTIONS.map((o) => [o.name, o]));
  const walk = (spec: CommandSpec) => {
    for (const o of spec.options) if (!table.has(o.name)) table.set(o.name, o);
    spec.subcommands?.forEach(walk);
  };
  walk(MAIN_SPEC);
  return table;
}

/** The options a command takes: its own (or, before a subcommand is named, all its subcommands'), and the global ones. */
function optionsOf(spec: CommandSpec | undefined): Map<string, OptionSpec> {
  const own = new Map<string, OptionSpec>();
  const specs = spec === undefined || spec === MAIN_SPEC ? [] : [spec, ...(spec.subcommands ?? [])];
  for (const o of [...specs.flatMap((s) => s.options), ...GLOBAL_OPTIONS]) if (!own.has(o.name)) own.set(o.name, o);
  return own;
}

const didYouMean = (word: string, candidates: readonly string[], prefix = ""): string => {
  const match = nearest(word, candidates);
  return match === undefined ? "" : `; did you mean ${prefix}${match}?`;
};

/** `credchain configure set` for messages. */
const commandName = (args: Pick<ParsedArgs, "command" | "subcommand">) => ["credchain", args.command, args.subcommand].filter(Boolean).join(" ");

/**
 * Reads argv with `node:util`'s `parseArgs` (long and short options, `--name=value`, `--` ending
 * the options) and checks it against the command table: an unknown command, subcommand or option,
 * an option the command does not take, a missing value or a value outside the option's choices is a
 * {@link UsageError} naming it and, when one is close, the valid spelling.
 */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const table = optionTable();
  const config = Object.fromEntries(
    [...table.values()].map((o) => [o.name, { type: o.value === undefined ? ("boolean" as const) : ("string" as const), ...(o.short && { short: o.short }) }]),
  );
  const { tokens } = tokenize({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });

  const words: string[] = [];
  let rest: string[] | undefined;
  const given: Array<Extract<(typeof tokens)[number], { kind: "option" }>> = [];
  for (const token of tokens) {
    if (token.kind === "option-terminator") {
      rest = argv.slice(token.index + 1);
      break;
    }
    if (token.kind === "positional") words.push(token.value);
    else given.push(token);
  }

  const args: ParsedArgs = { command: words[0], subcommand: undefined, positionals: [], rest, options: {} };
  let spec: CommandSpec | undefined;
  if (args.command !== undefined) {
    spec = findSpec([args.command]);
    const names = MAIN_SPEC.subcommands!.map((s) => s.name);
    if (!spec) throw new UsageError(`unknown command "${args.command}"${didYouMean(args.command, names)}`);
    const sub = words[1];
    if (spec.subcommands && sub !== undefined) {
      const subSpec = spec.subcommands.find((s) => s.name === sub);
      const subNames = spec.subcommands.map((s) => s.name);
      if (!subSpec) throw new UsageError(`unknown ${args.command} subcommand "${sub}" (${subNames.join(", ")})${didYouMean(sub, subNames)}`);
      args.subcommand = sub;
      spec = subSpec;
    }
    args.positionals = words.slice(args.subcommand === undefined ? 1 : 2);
  }

  const allowed = optionsOf(spec);
  for (const token of given) {
    const option = allowed.get(token.name);
    if (option === undefined) {
      const longNames = [...allowed.values()].filter((o) => !o.hidden).map((o) => o.name);
      if (!table.has(token.name)) throw new UsageError(`unknown option ${token.rawName}${didYouMean(token.name, longNames, "--")}`);
      const takes = longNames.map((n) => `--${n}`).join(", ");
      throw new UsageError(`${token.rawName} is not an option of ${commandName(args)} (it takes ${takes})${didYouMean(token.name, longNames, "--")}`);
    }
    const shown = token.rawName;
    if (option.value === undefined) {
      if (token.inlineValue) throw new UsageError(`${shown} does not take a value`);
      args.options[option.name] = true;
      continue;
    }
    const value = token.value;
    if (value === undefined) throw new UsageError(`${shown} needs a value`);
    if (!token.inlineValue && value.startsWith("-") && value !== "-") {
      throw new UsageError(`${shown} needs a value (got the option ${value}; write ${shown}=${value} if that is the value)`);
    }
    if (option.choices && !option.choices.includes(value)) {
      throw new UsageError(`${shown} must be one of ${option.choices.join(", ")} (got "${value}")${didYouMean(value, option.choices)}`);
    }
    args.options[option.name] = value;
  }
  return args;
}

/** The value of `--name`, or the default (the parser has checked it against the command's choices). */
export function choice<T extends string>(options: ParsedArgs["options"], name: string, allowed: readonly T[], fallback: T): T {
  const value = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(", ")} (got "${String(value)}")`);
  }
  return value as T;
}

/** Exactly `count` words after the command, named for the message. */
export function expectPositionals(args: ParsedArgs, names: readonly string[]): string[] {
  if (args.positionals.length !== names.length) {
    const got = args.positionals.length;
    const what = `${commandName(args)} ${names.length === 0 ? "takes no arguments" : `expects ${names.join(" ")}`}`;
    throw new UsageError(`${what}${got > names.length ? `, got an extra "${args.positionals[names.length]}"` : ""}`);
  }
  return args.positionals;
}

/** A valued option's string, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === "string" ? v : undefined;
}

/** A whole-number option, or undefined; anything else is a usage error. */
export function intOption(args: ParsedArgs, name: string): number | undefined {
  const v = stringOption(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got "${v}")`);
  return Number(v);
}
