import { defaultChain } from "@credchain/chain";
import { REGION, resolveSetting, type Credentials } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { loadSharedConfig, profileSettings } from "@credchain/provider-ini";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { stringOption, type ParsedArgs } from "./parse-args.js";
import { printable } from "./printable.js";
import { chainOptions } from "./resolve-options.js";

const NOT_SET = "<not set>";

/** One row of the table: value, type, location. */
interface Row {
  value: string;
  type: string;
  location: string;
}

const unset: Row = { value: NOT_SET, type: "None", location: "None" };

/** The AWS CLI's mask: sixteen stars and the last four characters. */
export function maskValue(value: string): string {
  return `${"*".repeat(16)}${value.slice(-4)}`;
}

/**
 * `aws configure list`'s line: `%10s %24s %16s    %s`. The value and location come from env and
 * the config file (a profile name, a region, AWS_CONFIG_FILE): escaped, never sent raw to a terminal.
 */
function line(name: string, row: Row): string {
  return `${name.padStart(10)} ${printable(row.value, 200).padStart(24)} ${row.type.padStart(16)}    ${printable(row.location, 200)}\n`;
}

/** Where the keys came from: the variable for env, the file for the file providers, else (as the AWS CLI) nothing. */
function keyLocation(c: Credentials, envVar: string, files: readonly string[] | undefined): string {
  if (c.source === "env") return envVar;
  return ["shared-credentials-file", "config-file", "boto-config", "ec2-credentials-file"].includes(c.source) ? (files?.[0] ?? "") : "";
}

/**
 * `credchain configure list`: the profile, access key, secret key and region in `aws configure
 * list`'s table, each with its type and location: the profile from its selection, the keys from
 * the default chain (the provider that answered), the region from the settings resolver.
 */
export async function configureList(args: ParsedArgs, io: CliIo): Promise<number> {
  const selected = selectProfile({ profile: stringOption(args, "profile"), env: io.env });
  const explanation = await defaultChain(chainOptions(args, io)).explain();
  const profileRow: Row =
    selected.from === "option"
      ? { value: selected.name, type: "manual", location: "--profile" }
      : selected.from === "default"
        ? unset
        : { value: selected.name, type: "env", location: selected.from };

  let access = unset;
  let secret = unset;
  const c = explanation.credentials;
  if (c) {
    const files = explanation.attempts.find((a) => a.outcome === "used")?.lookedAt?.files;
    access = { value: maskValue(c.accessKeyId), type: c.source, location: keyLocation(c, "AWS_ACCESS_KEY_ID", files) };
    secret = { value: maskValue(c.secretAccessKey), type: c.source, location: keyLocation(c, "AWS_SECRET_ACCESS_KEY", files) };
  }

  let region = unset;
  const config = await loadSharedConfig({ env: io.env });
  const resolved = resolveSetting(REGION, { env: io.env, profile: profileSettings(config, selected.name || "default") });
  if (resolved.value !== undefined) {
    region = resolved.from.startsWith("env ")
      ? { value: resolved.value, type: "env", location: resolved.from.slice(4) }
      : // As the AWS CLI: the config_file setting as given (AWS_CONFIG_FILE, else "~/.aws/config"), unexpanded.
        { value: resolved.value, type: "config-file", location: io.env.AWS_CONFIG_FILE ?? "~/.aws/config" };
  }

  io.stdout(
    line("Name", { value: "Value", type: "Type", location: "Location" }) +
      line("----", { value: "-----", type: "----", location: "--------" }) +
      line("profile", profileRow) +
      line("access_key", access) +
      line("secret_key", secret) +
      line("region", region),
  );
  // No credentials at all is an answer (the AWS CLI prints <not set> too); a failure is reported.
  const error = explanation.error;
  return error && error.code !== "NoCredentials" ? reportFailure(error, io) : EXIT.ok;
}

/** `credchain configure list-profiles`: every profile name, the config file's first, as botocore's available_profiles. */
export async function listProfiles(io: CliIo): Promise<number> {
  const config = await loadSharedConfig({ env: io.env });
  // Names as written in the files: one with control characters is shown escaped, not sent to the terminal.
  io.stdout(Object.keys(config.profiles).map((name) => `${printable(name)}\n`).join(""));
  return EXIT.ok;
}
