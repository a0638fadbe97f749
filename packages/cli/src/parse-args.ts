/** A usage mistake: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface ParsedArgs {
  command: string | undefined;
  /** Words after the command (`configure set KEY VALUE`). */
  positionals: string[];
  /** Everything after a bare `--`, untouched (`exec -- cmd args`). */
  rest: string[] | undefined;
  options: Record<string, string | true>;
}

/** Options that take a value; everything else is a flag. */
export const VALUED: ReadonlySet<string> = new Set([
  "profile",
  "format",
  "port",
  "role-arn",
  "role-session-name",
  "duration-seconds",
  "external-id",
  "serial-number",
  "token-code",
  "write-profile",
]);
/** Options without a value. daemon-child: internal, how `serve --daemon` starts its background server. */
export const FLAGS: ReadonlySet<string> = new Set(["help", "version", "server", "daemon", "daemon-child", "long-term-keys"]);

/**
 * `cmd --opt value --opt=value --flag`, and `-h`. No dependency: the grammar is this small.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: Record<string, string | true> = {};
  const positionals: string[] = [];
  let command: string | undefined;
  let rest: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") {
      rest = argv.slice(i + 1);
      break;
    }
    if (arg === "-h") {
      options.help = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (VALUED.has(name)) {
        let value: string | undefined;
        if (eq !== -1) value = arg.slice(eq + 1);
        else {
          value = argv[++i];
          if (value === undefined) throw new UsageError(`--${name} needs a value`);
        }
        options[name] = value;
      } else if (FLAGS.has(name) && eq === -1) {
        options[name] = true;
      } else {
        throw new UsageError(`unknown option ${arg}`);
      }
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") throw new UsageError(`unknown option ${arg}`);
    if (command === undefined) command = arg;
    else positionals.push(arg);
  }
  return { command, positionals, rest, options };
}

/** The value of `--name`, one of `allowed`, or the default. */
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
    throw new UsageError(`expected ${names.join(" ")}${got > names.length ? `, got an extra "${args.positionals[names.length]}"` : ""}`);
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
