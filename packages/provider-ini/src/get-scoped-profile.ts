import { CredchainError, quoteUntrusted } from "@credchain/core/local";
import { showName, type SelectedProfile } from "@credchain/core/internal";
import type { Profile, SharedConfig } from "./load-shared-config.js";

/**
 * The selected profile's settings as botocore's `Session.get_scoped_config()` returns them,
 * from the merged map (config profiles with credentials-file sections over them).
 *
 * A profile chosen by the caller or by AWS_DEFAULT_PROFILE / AWS_PROFILE (even `default`, even
 * set to "") must exist in one of the two files, else `ProfileNotFound`; boto3 raises it when
 * the Session is created, before any provider runs, so env credentials do not help. Only the
 * implicit default (nothing selects a profile) may be missing: it reads as `{}`. The message shows
 * the name through `showName` (it comes from env or the caller, and may hold terminal escapes, line
 * breaks, megabytes or a pasted secret); the `profile` and `lookedAt` fields keep it as given.
 *
 * @example
 * ```ts
 * import { selectProfile } from "@credchain/core/internal";
 * import { getScopedProfile, loadSharedConfig } from "@credchain/provider-ini";
 *
 * const config = await loadSharedConfig();
 * const profile = getScopedProfile(config, selectProfile({ env: process.env }));
 * ```
 */
export function getScopedProfile(config: SharedConfig, selected: Pick<SelectedProfile, "name" | "from">): Profile {
  if (Object.hasOwn(config.profiles, selected.name)) return config.profiles[selected.name] as Profile;
  if (selected.from === "default") return Object.create(null) as Profile;
  throw new CredchainError({
    code: "ProfileNotFound",
    message: `The config profile (${showName(selected.name)}) could not be found in ${quoteUntrusted(config.configFile.path)} or ${quoteUntrusted(config.credentialsFile.path)}${
      selected.from === "option" ? "" : ` (selected by ${selected.from})`
    }`,
    profile: selected.name,
    lookedAt: { files: [config.configFile.path, config.credentialsFile.path], profile: selected.name },
  });
}

/** Throws `ProfileNotFound` where boto3 would for this selection; see {@link getScopedProfile}. */
export function assertProfileExists(config: SharedConfig, selected: Pick<SelectedProfile, "name" | "from">): void {
  getScopedProfile(config, selected);
}
