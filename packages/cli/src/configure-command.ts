import { CredchainError } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { assertProfileExists, loadSharedConfig, writeConfigValue } from "@credchain/provider-ini";
import { configureList, listProfiles } from "./configure-list.js";
import { getValue, setTarget, type SectionOptions } from "./configure-key.js";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { expectPositionals, stringOption, UsageError, type ParsedArgs } from "./parse-args.js";

function sectionOptions(args: ParsedArgs): SectionOptions {
  const options = { services: stringOption(args, "services"), ssoSession: stringOption(args, "sso-session") };
  if (args.options.profile !== undefined && (options.services !== undefined || options.ssoSession !== undefined)) {
    throw new UsageError(`--profile cannot be used with --${options.services !== undefined ? "services" : "sso-session"}: that section belongs to no profile`);
  }
  return options;
}

/** The profile a key without one goes to: --profile, AWS_DEFAULT_PROFILE, AWS_PROFILE, else default. */
const selected = (args: ParsedArgs, io: CliIo) => selectProfile({ profile: stringOption(args, "profile"), env: io.env });
const currentProfile = (args: ParsedArgs, io: CliIo) => selected(args, io).name || "default";

async function set(args: ParsedArgs, io: CliIo): Promise<number> {
  const [raw, value] = expectPositionals(args, ["KEY", "VALUE"]) as [string, string];
  const target = setTarget(raw, currentProfile(args, io), sectionOptions(args));
  await writeConfigValue({ env: io.env, ...target, value });
  return EXIT.ok;
}

async function get(args: ParsedArgs, io: CliIo): Promise<number> {
  const [raw] = expectPositionals(args, ["KEY"]) as [string];
  const options = sectionOptions(args);
  const profile = currentProfile(args, io);
  const config = await loadSharedConfig({ env: io.env });
  // A plain key is read with botocore's get_scoped_config, which refuses a selected profile that does not exist.
  if (!raw.includes(".") && options.services === undefined && options.ssoSession === undefined) assertProfileExists(config, selected(args, io));
  const { sections, services, ssoSessions, path: file } = config.configFile;
  const value = getValue(raw, profile, { profiles: config.profiles, sections, services, ssoSessions, file }, options);
  if (typeof value === "string") {
    io.stdout(`${value}\n`);
    return EXIT.ok;
  }
  if (typeof value === "object" && value !== null) io.stderr(`varname (${raw}) must reference a value, not a section or sub-section.\n`);
  return EXIT.failed;
}

/** `credchain configure set|get|list|list-profiles`. */
export async function configureCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  try {
    switch (args.subcommand) {
      case "set":
        return await set(args, io);
      case "get":
        return await get(args, io);
      case "list":
        expectPositionals(args, []);
        return await configureList(args, io);
      default:
        expectPositionals(args, []);
        return await listProfiles(io);
    }
  } catch (error) {
    if (error instanceof UsageError || !CredchainError.isInstance(error)) throw error;
    return reportFailure(error, io);
  }
}
