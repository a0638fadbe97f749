import { profileOption, type CommandSpec, type OptionSpec } from "./command-spec.js";

const PROFILE = profileOption('the profile; default: AWS_DEFAULT_PROFILE, else AWS_PROFILE, else "default"');
const SECTIONS: OptionSpec[] = [
  { name: "services", value: "NAME", help: "the key is in the config file's [services NAME] section instead of a profile" },
  { name: "sso-session", value: "NAME", help: "the key is in the config file's [sso-session NAME] section instead of a profile" },
];

const SET: CommandSpec = {
  name: "set",
  summary: "set a value in ~/.aws/config or ~/.aws/credentials, keeping the rest of the file",
  usage: ["credchain configure set [--profile P | --services NAME | --sso-session NAME] KEY VALUE"],
  description: [
    "Writes KEY = VALUE into profile P, as `aws configure set` does: aws_access_key_id, " +
      "aws_secret_access_key and aws_session_token go to the credentials file ([P]), every other key " +
      "to the config file ([profile P], or [default]). Comments, order and blank lines are kept; a " +
      "missing file is created with mode 0600; files are written atomically, under a lock.",
    "KEY may name the profile inline: default.KEY, profile.NAME.KEY, or preview.KEY / plugins.KEY for " +
      "those sections. A dotted key is a nested one, as in the AWS CLI: s3.max_concurrent_requests " +
      "writes `s3 =` with `max_concurrent_requests = VALUE` indented under it (profile.dev.s3.addressing_style " +
      "for another profile). With --services NAME or --sso-session NAME the key goes into that section " +
      "(s3.endpoint_url in a services section is nested too). Deeper keys are refused.",
  ],
  options: [PROFILE, ...SECTIONS],
};

const GET: CommandSpec = {
  name: "get",
  summary: "print a value from the config files",
  usage: ["credchain configure get [--profile P | --services NAME | --sso-session NAME] KEY"],
  description: [
    "Prints the value of KEY in profile P, the config and credentials files merged (the credentials " +
      "file winning, as botocore reads them). KEY is read as `aws configure get` reads it: " +
      "s3.max_concurrent_requests (nested), default.KEY, profile.NAME.KEY, NAME.KEY for an existing " +
      "profile NAME, preview.KEY. With --services NAME or --sso-session NAME, KEY is read from that section.",
  ],
  options: [PROFILE, ...SECTIONS],
  notes: ["Exit 1 when KEY is not set, or names a sub-section rather than a value."],
};

const LIST: CommandSpec = {
  name: "list",
  summary: "show the profile, keys and region in use, masked, and where each came from",
  usage: ["credchain configure list [--profile P]"],
  description: [
    "Prints the profile, access key, secret key and region that credchain (and boto3) would use, " +
      "in `aws configure list`'s table: the value (keys masked to their last four characters), its " +
      "type (manual, env, config-file, or the provider that gave the credentials) and its location " +
      "(the option, environment variable or file).",
  ],
  options: [PROFILE],
  notes: ["Exit 1 (after the table) when credentials could not be resolved for a reason other than there being none."],
};

const LIST_PROFILES: CommandSpec = {
  name: "list-profiles",
  summary: "print the name of every profile in the config and credentials files",
  usage: ["credchain configure list-profiles"],
  description: ["Prints each profile name on its own line: the config file's, then those only in the credentials file, as botocore lists them."],
  options: [],
};

export const CONFIGURE_SPEC: CommandSpec = {
  name: "configure",
  summary: "read and write ~/.aws/config and ~/.aws/credentials as `aws configure` does",
  usage: [
    "credchain configure set [--profile P | --services NAME | --sso-session NAME] KEY VALUE",
    "credchain configure get [--profile P | --services NAME | --sso-session NAME] KEY",
    "credchain configure list [--profile P]",
    "credchain configure list-profiles",
  ],
  description: [],
  options: [],
  subcommands: [SET, GET, LIST, LIST_PROFILES],
  notes: ["Files: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE are honoured."],
};
