import { CredchainError } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { loadSharedConfig, writeProfile } from "@credchain/provider-ini";
import { reportFailure } from "./failure.js";
import { EXIT, type CliIo } from "./io.js";
import { expectPositionals, UsageError, type ParsedArgs } from "./parse-args.js";

/** `default.region` and `profile.dev.region` name the profile inline, as in the AWS CLI. */
function splitKey(key: string, profileOption: string | undefined, io: CliIo): { profile: string; key: string } {
  const m = /^(?:default\.|profile\.([^.]+)\.)(.+)$/.exec(key);
  if (m) return { profile: m[1] ?? "default", key: m[2] as string };
  if (key.includes(".")) {
    throw new UsageError(`nested keys such as "${key}" are not supported yet; write the section by hand`);
  }
  return { profile: selectProfile({ profile: profileOption, env: io.env }).name || "default", key };
}

export async function configureCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  const [action, ...words] = args.positionals;
  const profileOption = typeof args.options.profile === "string" ? args.options.profile : undefined;
  try {
    if (action === "set") {
      const [rawKey, value] = expectPositionals({ ...args, positionals: words }, ["KEY", "VALUE"]) as [string, string];
      const { profile, key } = splitKey(rawKey, profileOption, io);
      await writeProfile({ env: io.env, profile, values: { [key]: value } });
      return EXIT.ok;
    }
    if (action === "get") {
      const [rawKey] = expectPositionals({ ...args, positionals: words }, ["KEY"]) as [string];
      const { profile, key } = splitKey(rawKey, profileOption, io);
      const config = await loadSharedConfig({ env: io.env });
      const value = config.profiles[profile]?.[key.toLowerCase()];
      if (typeof value !== "string") return EXIT.failed;
      io.stdout(`${value}\n`);
      return EXIT.ok;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (!CredchainError.isInstance(error) && !(error instanceof Error && "code" in error)) throw error;
    return reportFailure(error, io);
  }
  throw new UsageError(action === undefined ? "configure needs set or get" : `unknown configure action "${action}" (set or get)`);
}
