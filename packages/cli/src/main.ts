import { createRequire } from "node:module";
import {
  ASSUME_ROLE_HELP,
  CONFIGURE_HELP,
  EXEC_HELP,
  EXPLAIN_HELP,
  EXPORT_HELP,
  MAIN_HELP,
  SERVE_HELP,
  SESSION_TOKEN_HELP,
  WHOAMI_HELP,
} from "./help.js";
import { EXIT, processIo, type CliIo } from "./io.js";
import { parseArgs, UsageError, type ParsedArgs } from "./parse-args.js";

type Run = (args: ParsedArgs, io: CliIo) => Promise<number>;

interface Command {
  help: string;
  // Each command's code loads only when it runs: `credchain export` as a credential_process
  // starts without the STS client, the HTTP server or child_process.
  load: () => Promise<Run>;
}

const COMMANDS: Record<string, Command> = {
  export: { help: EXPORT_HELP, load: async () => (await import("./export-command.js")).exportCommand },
  explain: { help: EXPLAIN_HELP, load: async () => (await import("./explain-command.js")).explainCommand },
  configure: { help: CONFIGURE_HELP, load: async () => (await import("./configure-command.js")).configureCommand },
  exec: { help: EXEC_HELP, load: async () => (await import("./exec-command.js")).execCommand },
  serve: { help: SERVE_HELP, load: async () => (await import("./serve-command.js")).serveCommand },
  whoami: { help: WHOAMI_HELP, load: async () => (await import("./whoami-command.js")).whoamiCommand },
  "assume-role": { help: ASSUME_ROLE_HELP, load: async () => (await import("./sts-commands.js")).assumeRoleCommand },
  "session-token": { help: SESSION_TOKEN_HELP, load: async () => (await import("./sts-commands.js")).sessionTokenCommand },
};

function version(): string {
  return (createRequire(import.meta.url)("../package.json") as { version: string }).version;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.options.version) {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  if (args.command === "help") {
    const topic = args.positionals[0];
    if (topic === undefined) {
      io.stdout(MAIN_HELP);
      return EXIT.ok;
    }
    const command = COMMANDS[topic];
    if (!command) throw new UsageError(`unknown command "${topic}"`);
    io.stdout(command.help);
    return EXIT.ok;
  }
  if (args.command === undefined) {
    (args.options.help ? io.stdout : io.stderr)(MAIN_HELP);
    return args.options.help ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[args.command];
  if (!command) throw new UsageError(`unknown command "${args.command}"`);
  if (args.options.help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  return (await command.load())(args, io);
}

/** Runs the CLI; resolves to the exit code. Never throws for user mistakes or credential errors. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`credchain: ${error.message}\nRun "credchain --help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
