import { type LocalContext, type ProfileSettings } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import type { Profile, SharedConfig } from "@credchain/provider-ini";
import type { SharedFileOptions } from "./types.js";

/** One profile of the shared files: its name, keys and settings layer. */
export interface ProfileLayer {
  config: SharedConfig;
  name: string;
  /** Whether either file has the profile. */
  exists: boolean;
  /** Its keys (the credentials file's over the config file's); empty when it does not exist. */
  values: Profile;
  /** What the STS, SSO, Sign-In, IMDS and Cognito clients read below env (region, endpoints, …). */
  settings: ProfileSettings;
}

/** Loads a profile of the shared files; `profile` undefined selects one as botocore does (AWS_DEFAULT_PROFILE, AWS_PROFILE, `default`). */
export type ProfileLoader = (profile: string | undefined) => Promise<ProfileLayer>;

/**
 * A provider's view of the shared files, as the SDK's `filepath`, `configFilepath` and
 * `ignoreCache` describe it: read on first use and kept (each profile once), or read on every
 * call with `ignoreCache`.
 *
 * @example
 * ```ts
 * const load = profileLoader(ctx, { filepath: "/tmp/credentials" });
 * const { settings } = await load("dev");
 * ```
 */
export function profileLoader(ctx: LocalContext, files: SharedFileOptions): ProfileLoader {
  let config: Promise<SharedConfig> | undefined;
  const read = async () => (await import("./load-ini.js")).loadSharedConfig({ ...ctx, configFile: files.configFilepath, credentialsFile: files.filepath });
  return async (profile) => {
    const loaded = await (files.ignoreCache ? read() : (config ??= read().catch((e: unknown) => ((config = undefined), Promise.reject(e)))));
    const { name } = selectProfile({ profile, env: ctx.env });
    const settings = (await import("./load-ini.js")).profileSettings(loaded, name);
    return { config: loaded, name, exists: Object.hasOwn(loaded.profiles, name), values: settings.values as Profile, settings };
  };
}
