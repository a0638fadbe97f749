import { MAIN_SPEC } from "./cli-spec.js";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./command-spec.js";

/** A completion candidate and, for shells that show one, its description. */
export interface Candidate {
  value: string;
  description: string;
}

const firstLine = (text: string) => text.split("\n")[0] as string;

/** The options valid at this point: the (sub)command's own, or every subcommand's before one is named, and the global ones. */
function optionsAt(spec: CommandSpec | undefined): OptionSpec[] {
  const specs = spec === undefined || spec === MAIN_SPEC ? [] : [spec, ...(spec.subcommands ?? [])];
  const seen = new Map<string, OptionSpec>();
  for (const o of [...specs.flatMap((s) => s.options), ...GLOBAL_OPTIONS]) if (!o.hidden && !seen.has(o.name)) seen.set(o.name, o);
  return [...seen.values()];
}

function findOption(word: string, options: readonly OptionSpec[]): OptionSpec | undefined {
  if (word.startsWith("--")) return options.find((o) => o.name === word.slice(2));
  return word.length === 2 ? options.find((o) => o.short === word[1]) : undefined;
}

const commands = (specs: readonly CommandSpec[]): Candidate[] => specs.map((s) => ({ value: s.name, description: s.summary }));

/**
 * What Tab offers for `words[cword]` (the word being typed; `words[0]` is `credchain`), from the
 * command table: commands, subcommands, the options valid there, an option's choices, and profile
 * names (`profiles()`, read from the config files only when asked for). Nothing after `--`: the
 * shell completes the command to run.
 *
 * @example
 * ```ts
 * completeWords(["credchain", "export", "--fo"], 2, () => []); // [{ value: "--format", … }]
 * ```
 */
export function completeWords(words: readonly string[], cword: number, profiles: () => readonly string[]): Candidate[] {
  const current = words[cword] ?? "";
  let spec: CommandSpec = MAIN_SPEC;
  let command: CommandSpec | undefined;
  let positionals = 0;
  const help: string[] = [];
  let valueFor: OptionSpec | undefined;
  for (let i = 1; i < cword; i++) {
    const word = words[i] as string;
    if (valueFor) {
      valueFor = undefined;
      continue;
    }
    if (word === "--") return [];
    if (word.startsWith("-") && word !== "-") {
      const option = findOption(word.split("=")[0] as string, optionsAt(spec));
      if (option?.value !== undefined && !word.includes("=")) valueFor = option;
      continue;
    }
    if (command === undefined) {
      command = MAIN_SPEC.subcommands!.find((s) => s.name === word);
      if (command === undefined) return [];
      spec = command;
    } else if (spec.subcommands && spec === command && positionals === 0) {
      const sub = spec.subcommands.find((s) => s.name === word);
      if (sub === undefined) return [];
      spec = sub;
    } else {
      if (command.name === "help") help.push(word);
      positionals++;
    }
  }

  const options = optionsAt(spec);
  const inline = /^(--[^=]+)=(.*)$/.exec(current);
  const option = valueFor ?? (inline ? findOption(inline[1] as string, options) : undefined);
  let candidates: Candidate[];
  let prefix = current;
  if (option) {
    if (inline && !valueFor) prefix = inline[2] as string;
    const values = option.complete === "profiles" ? [...profiles()] : [...(option.choices ?? [])];
    candidates = values.map((value) => ({ value, description: option.complete === "profiles" ? "profile" : firstLine(option.help) }));
    if (inline && !valueFor) candidates = candidates.map((c) => ({ ...c, value: `${inline[1]}=${c.value}` }));
    prefix = current;
  } else if (current.startsWith("-")) {
    candidates = options.map((o) => ({ value: `--${o.name}`, description: firstLine(o.help) }));
    if (current === "-") candidates.push(...options.filter((o) => o.short).map((o) => ({ value: `-${o.short}`, description: firstLine(o.help) })));
  } else if (command === undefined) {
    candidates = commands(MAIN_SPEC.subcommands!);
  } else if (spec.subcommands) {
    candidates = commands(spec.subcommands);
  } else if (command.name === "help") {
    const topic = help.length === 0 ? MAIN_SPEC : MAIN_SPEC.subcommands!.find((s) => s.name === help[0]);
    candidates = help.length < 2 && topic?.subcommands ? commands(topic.subcommands) : [];
  } else {
    const accepts = spec.positionals?.[positionals];
    candidates = accepts === "profiles" ? profiles().map((value) => ({ value, description: "profile" })) : (accepts ?? []).map((value) => ({ value, description: "" }));
  }
  return candidates.filter((c) => c.value.startsWith(prefix));
}
