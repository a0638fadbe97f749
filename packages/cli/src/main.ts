import { createRequire } from "node:module";
import { findSpec, MAIN_SPEC } from "./cli-spec.js";
import { helpMarkdown } from "./help-markdown.js";
import { helpText } from "./help-text.js";
import { EXIT, processIo, type CliIo } from "./io.js";
import { nearest } from "./nearest.js";
import { printable } from "./printable.js";
import { choice, parseCommandLine, UsageError, type ParsedArgs } from "./parse-args.js";

type Run = (args: ParsedArgs, io: CliIo) => Promise<number>;

// Each command's code loads only when it runs: `credchain export` as a credential_process
// starts without the STS client, the HTTP server or child_process.
const COMMANDS: Record<string, () => Promise<Run>> = {
  export: async () => (await import("./export-command.js")).exportCommand,
  explain: async () => (await import("./explain-command.js")).explainCommand,
  configure: async () => (await import("./configure-command.js")).configureCommand,
  exec: async () => (await import("./exec-command.js")).execCommand,
  serve: async () => (await import("./serve-command.js")).serveCommand,
  whoami: async () => (await import("./whoami-command.js")).whoamiCommand,
  "assume-role": async () => (await import("./sts-commands.js")).assumeRoleCommand,
  "session-token": async () => (await import("./sts-commands.js")).sessionTokenCommand,
  sso: async () => (await import("./sso-command.js")).ssoCommand,
  completion: async () => (await import("./completion-command.js")).completionCommand,
};

function version(): string {
  return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
}

/** `credchain help [COMMAND [SUBCOMMAND]] [--format text|markdown]`. */
function helpCommand(args: ParsedArgs, io: CliIo): number {
  const format = choice(args.options, "format", ["text", "markdown"] as const, "text");
  if (args.positionals.length > 2) throw new UsageError(`help takes a command and a subcommand at most`);
  const spec = findSpec(args.positionals);
  if (!spec) {
    const parent = findSpec(args.positionals.slice(0, -1));
    const word = args.positionals.at(-1)!;
    const names = parent?.subcommands?.map((s) => s.name) ?? [];
    const match = nearest(word, names);
    throw new UsageError(`no help for "${args.positionals.join(" ")}"${match ? `; did you mean ${[...args.positionals.slice(0, -1), match].join(" ")}?` : ""}`);
  }
  io.stdout(format === "markdown" ? helpMarkdown(spec) : helpText(spec));
  return EXIT.ok;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  // What the completion scripts call on Tab: never parsed as a command line (it is half typed).
  if (argv[0] === "__complete") return (await import("./completion-command.js")).completeCommand(argv.slice(1), io);
  const args = parseCommandLine(argv);
  if (args.options.version) {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  if (args.command === "help") return helpCommand(args, io);
  if (args.command === undefined) {
    (args.options.help ? io.stdout : io.stderr)(helpText(MAIN_SPEC));
    return args.options.help ? EXIT.ok : EXIT.usage;
  }
  const spec = findSpec([args.command, ...(args.subcommand === undefined ? [] : [args.subcommand])])!;
  if (args.options.help) {
    io.stdout(helpText(spec));
    return EXIT.ok;
  }
  if (spec.subcommands) {
    throw new UsageError(`${args.command} needs a subcommand: ${spec.subcommands.map((s) => s.name).join(", ")}`);
  }
  return (await COMMANDS[args.command]!())(args, io);
}

/** Runs the CLI; resolves to the exit code. Never throws for user mistakes or credential errors. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // Point at the help of the command being typed, when there is one.
      const command = argv.find((word) => findSpec([word]) !== undefined && word !== "help");
      io.stderr(`credchain: ${printable(error.message)}\nRun "credchain ${command === undefined ? "" : `${command} `}--help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
