import { createRequire } from "node:module";
import { explainCommand } from "./explain-command.js";
import { exportCommand } from "./export-command.js";
import { configureCommand } from "./configure-command.js";
import { execCommand } from "./exec-command.js";
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
import { assumeRoleCommand, sessionTokenCommand } from "./sts-commands.js";
import { whoamiCommand } from "./whoami-command.js";
import { serveCommand } from "./serve-command.js";
import { EXIT, processIo, type CliIo } from "./io.js";
import { parseArgs, UsageError, type ParsedArgs } from "./parse-args.js";

interface Command {
  help: string;
  run: (args: ParsedArgs, io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  export: { help: EXPORT_HELP, run: exportCommand },
  explain: { help: EXPLAIN_HELP, run: explainCommand },
  configure: { help: CONFIGURE_HELP, run: configureCommand },
  exec: { help: EXEC_HELP, run: execCommand },
  serve: { help: SERVE_HELP, run: serveCommand },
  whoami: { help: WHOAMI_HELP, run: whoamiCommand },
  "assume-role": { help: ASSUME_ROLE_HELP, run: assumeRoleCommand },
  "session-token": { help: SESSION_TOKEN_HELP, run: sessionTokenCommand },
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
  return command.run(args, io);
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
