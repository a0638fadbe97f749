import { profileOption, type CommandSpec, type OptionSpec } from "./command-spec.js";
import { CONFIGURE_SPEC } from "./configure-spec.js";
import { EXPORT_FORMATS } from "./format-export.js";
import { SSO_SPEC } from "./sso-spec.js";

const profile = (help = "as for export"): OptionSpec => profileOption(help);
const format = (choices: readonly string[], help: string): OptionSpec => ({ name: "format", short: "f", value: "F", choices, help });
const durationSeconds = (help: string): OptionSpec => ({ name: "duration-seconds", value: "S", help });
const LONG_TERM_KEYS: OptionSpec = {
  name: "long-term-keys",
  help:
    "serve long-term keys themselves, without an Expiration, instead of a session.\n" +
    "botocore and the AWS SDK for JavaScript v3 refuse a response without\nExpiration: use it only for clients that accept one",
};

const EXPORT: CommandSpec = {
  name: "export",
  summary: "print the resolved credentials (credential_process JSON, env lines, or JSON)",
  usage: ["credchain export [--profile P] [--format process|env|json]"],
  description: ["Resolves credentials like boto3.Session(profile_name=P).get_credentials() and prints them."],
  options: [
    profile('use profile P (it must exist; drops environment-variable credentials, as boto3 does).\nDefault: AWS_DEFAULT_PROFILE, else AWS_PROFILE, else "default".'),
    format(
      EXPORT_FORMATS,
      'process  credential_process JSON: {"Version":1,"AccessKeyId",…} (default)\n' +
        'env      export AWS_ACCESS_KEY_ID=… lines for a shell: eval "$(credchain export --format env)"\n' +
        'json     the process JSON plus "Source" (the provider that answered)',
    ),
  ],
  notes: ['On failure: exit 1; with --format json, stdout is {"Error":{"Code":…,"Message":…}}.'],
};

const EXPLAIN: CommandSpec = {
  name: "explain",
  summary: "show each provider of the chain in order: skipped (why), used, or failed (why)",
  usage: ["credchain explain [--profile P] [--format text|json]"],
  description: [
    "Walks the default chain and reports, for each provider in botocore's order, whether it was " +
      "skipped (and why), used, or failed (and why), with what it looked at. Secrets are never shown; " +
      "the access key id is masked.",
    "In a terminal the text is a compact table, coloured when the terminal supports it (NO_COLOR set: " +
      "never; FORCE_COLOR set: always, also when piped); piped, it is plain text. --format json is the same in both.",
  ],
  options: [profile(), format(["text", "json"], "text (default) or json")],
  notes: ["Exit 0 when a provider answered, 1 when none did or one failed."],
};

const WHOAMI: CommandSpec = {
  name: "whoami",
  summary: "STS GetCallerIdentity: account, ARN, user id, and which provider gave the credentials",
  usage: ["credchain whoami [--profile P] [--format text|json]"],
  description: [
    "Calls STS GetCallerIdentity with the resolved credentials and prints Account, Arn, UserId and " +
      "the Source (the provider that supplied the credentials). STS endpoint and region as botocore: " +
      "AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's services section, AWS_REGION / " +
      "AWS_DEFAULT_REGION / the profile's region.",
  ],
  options: [profile(), format(["text", "json"], "text (default) or json")],
  notes: ["Exit 1 with the STS error code on failure."],
};

const STS_OUTPUT: OptionSpec[] = [
  format(EXPORT_FORMATS, "process (default), env or json, as for export"),
  {
    name: "write-profile",
    value: "NAME",
    complete: "profiles",
    help: "write the credentials to [NAME] in the credentials file instead of printing\nthem (every other byte of the file is kept; a new file gets mode 0600)",
  },
  profile("the credentials that sign the call, as for export"),
];
const MFA: OptionSpec[] = [
  { name: "serial-number", value: "SN", help: "the MFA device's serial number or ARN" },
  { name: "token-code", value: "C", help: "the MFA code (without it, it is asked for)" },
];

const ASSUME_ROLE: CommandSpec = {
  name: "assume-role",
  summary: "STS AssumeRole with the resolved credentials; print or --write-profile the result",
  usage: [
    "credchain assume-role --role-arn ARN [--role-session-name N] [--duration-seconds S]",
    "                      [--external-id X] [--serial-number SN [--token-code C]]",
    "                      [--write-profile NAME] [--profile P] [--format process|env|json]",
  ],
  description: [
    "Calls STS AssumeRole signed with the resolved credentials. Without --token-code, the MFA code for " +
      "--serial-number is asked for on the terminal, or read from stdin when stdin is not a terminal. " +
      "Default session name: credchain-session-<epoch seconds>.",
  ],
  options: [
    { name: "role-arn", value: "ARN", help: "the role to assume (required)" },
    { name: "role-session-name", value: "N", help: "the session name" },
    durationSeconds("the session's lifetime in seconds"),
    { name: "external-id", value: "X", help: "the role's external id" },
    ...MFA,
    ...STS_OUTPUT,
  ],
};

const SESSION_TOKEN: CommandSpec = {
  name: "session-token",
  summary: "STS GetSessionToken (with MFA); print or --write-profile the result",
  usage: [
    "credchain session-token [--duration-seconds S] [--serial-number SN [--token-code C]]",
    "                        [--write-profile NAME] [--profile P] [--format process|env|json]",
  ],
  description: [
    "Calls STS GetSessionToken signed with the resolved (long-term) credentials, with MFA when " +
      "--serial-number is given (the code asked for as for assume-role).",
  ],
  options: [durationSeconds("the session's lifetime in seconds"), ...MFA, ...STS_OUTPUT],
};

const EXEC: CommandSpec = {
  name: "exec",
  summary: "run a command with the resolved credentials (and region) in its environment",
  usage: ["credchain exec [--profile P] [--server [--duration-seconds S] [--long-term-keys]] -- command [args…]"],
  description: [
    "Runs command with AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, " +
      "AWS_CREDENTIAL_EXPIRATION (when they expire) and AWS_REGION / AWS_DEFAULT_REGION (when " +
      "configured) set from the chain; AWS_PROFILE and other credential variables are removed so they " +
      "cannot shadow them. The command's exit code is passed through (128 + n when it dies of signal n); " +
      "SIGINT, SIGTERM and SIGHUP are forwarded to it.",
  ],
  options: [
    profile(),
    {
      name: "server",
      help:
        "instead of keys, give the command only AWS_CONTAINER_CREDENTIALS_FULL_URI and\n" +
        "AWS_CONTAINER_AUTHORIZATION_TOKEN for a local endpoint serving refreshed\n" +
        "credentials for as long as the command runs (long jobs outlive a session);\n" +
        "long-term keys are served as a GetSessionToken session, as by serve",
    },
    durationSeconds("with --server: as for serve"),
    { ...LONG_TERM_KEYS, help: "with --server: as for serve" },
  ],
  notes: ["Exit 1 when credentials cannot be resolved (the command is not started), 127 when the command is not found."],
};

const SERVE: CommandSpec = {
  name: "serve",
  summary: "serve refreshed credentials on 127.0.0.1 over the ECS container protocol",
  usage: ["credchain serve [--profile P] [--port N] [--daemon] [--duration-seconds S] [--long-term-keys]"],
  description: [
    "Serves the chain's credentials, renewed before they expire, over the ECS container-credentials " +
      "protocol on 127.0.0.1, behind a random authorization token, and only to requests whose Host is " +
      "127.0.0.1, localhost or [::1] with its port (a web page cannot reach it by DNS rebinding). " +
      "Prints the variables a client needs:",
    { code: "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:N/\nexport AWS_CONTAINER_AUTHORIZATION_TOKEN=…" },
    "To start it from a shell and keep the shell, use --daemon: it returns once the server is up and " +
      "adds CREDCHAIN_SERVE_PID. Tools started from that shell that find no other credentials (and " +
      "containers given the two variables, with the host's loopback) then use the server:",
    { code: 'eval "$(credchain serve --daemon)"\nkill "$CREDCHAIN_SERVE_PID"' },
    "Without --daemon it serves in the foreground until SIGINT or SIGTERM.",
    "Long-term keys (an access key without a session token) are never served as they are: they are " +
      "traded for a session from STS GetSessionToken (as aws-vault's server does), renewed before it " +
      "expires. STS endpoint and region as for session-token; MFA is not asked for.",
  ],
  options: [
    profile(),
    { name: "port", value: "N", help: "port to listen on (default: a free one)" },
    { name: "daemon", help: "run in the background; print the variables and CREDCHAIN_SERVE_PID, then return" },
    durationSeconds("lifetime of the GetSessionToken session, 900 to 129600 (default 3600)"),
    LONG_TERM_KEYS,
    { name: "daemon-child", help: "internal: how --daemon starts its background server", hidden: true },
  ],
  notes: ["Exit 1 when credentials cannot be resolved or GetSessionToken fails (nothing is served)."],
};

export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;

const COMPLETION: CommandSpec = {
  name: "completion",
  summary: "print a shell completion script (bash, zsh or fish)",
  usage: ["credchain completion bash|zsh|fish"],
  description: [
    "Prints a script that completes credchain's commands, subcommands, options, option values and " +
      "profile names (read from the config files when you press Tab, through `credchain configure " +
      "list-profiles`). Load it from your shell's start-up file:",
    {
      code:
        'eval "$(credchain completion bash)"                  # ~/.bashrc\n' +
        'eval "$(credchain completion zsh)"                   # ~/.zshrc (after compinit)\n' +
        "credchain completion fish | source                   # ~/.config/fish/config.fish",
    },
  ],
  options: [],
  positionals: [COMPLETION_SHELLS],
};

const HELP: CommandSpec = {
  name: "help",
  summary: "show help for a command: credchain help export",
  usage: ["credchain help [COMMAND [SUBCOMMAND]] [--format text|markdown]"],
  description: [
    "Prints the help of a command (the same as credchain COMMAND --help), or of credchain itself. " +
      "--format markdown prints it as the reference page in docs/cli/, which is generated this way.",
  ],
  options: [format(["text", "markdown"], "text (default) or markdown")],
};

/** Every command, in the order `credchain --help` lists them. */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  EXPORT,
  EXPLAIN,
  WHOAMI,
  ASSUME_ROLE,
  SESSION_TOKEN,
  EXEC,
  SERVE,
  CONFIGURE_SPEC,
  SSO_SPEC,
  COMPLETION,
  HELP,
];

/** The page `credchain --help` prints, as data. */
export const MAIN_SPEC: CommandSpec = {
  name: "credchain",
  summary: "AWS credentials for Node.js, found the way boto3 finds them",
  usage: ["credchain <command> [options]"],
  description: [],
  options: [],
  subcommands: COMMAND_SPECS,
  notes: [
    "Exit codes: 0 success, 1 credentials could not be resolved, 2 usage error.",
    "Set CREDCHAIN_DEBUG=1 for debug lines on stderr (never secrets).",
  ],
};

/** The command (and subcommand) spec named by `words`, or undefined. */
export function findSpec(words: readonly string[]): CommandSpec | undefined {
  let spec: CommandSpec | undefined = MAIN_SPEC;
  for (const word of words) spec = spec?.subcommands?.find((s) => s.name === word);
  return spec;
}
