import { REGION, resolveSetting } from "@credchain/core/local";
import { resolveLocalContext, selectProfile } from "@credchain/core/internal";
import { getScopedProfile } from "./get-scoped-profile.js";
import { loadSharedConfig } from "./load-shared-config.js";
import type { ProfileInit } from "./options.js";
import { profileSettings } from "./profile-settings.js";

/** Read first by credchain (botocore ignores it). An empty value is ignored. */
export const AWS_REGION = "AWS_REGION";
/** botocore's region variable. Set to "" it yields no region without reading the profile, as in botocore. */
export const AWS_DEFAULT_REGION = "AWS_DEFAULT_REGION";

/**
 * The region: AWS_REGION, then AWS_DEFAULT_REGION, then `region` of the selected profile (the
 * merged config + credentials map, as botocore's scoped config) — core's `REGION` setting.
 * Undefined when none is set. A selected profile that exists in neither file throws
 * `ProfileNotFound`, as in botocore. The files are read only when no env var decides.
 *
 * Deliberate difference: botocore does not read AWS_REGION; credchain reads it first, as the
 * AWS SDKs for JavaScript, Go, Java and Rust do.
 *
 * @example
 * ```ts
 * import { resolveRegion } from "@credchain/provider-ini";
 *
 * const region = (await resolveRegion({ profile: "dev" })) ?? "us-east-1";
 * ```
 */
export async function resolveRegion(init: ProfileInit = {}): Promise<string | undefined> {
  const ctx = resolveLocalContext(init);
  let region = resolveSetting(REGION, { env: ctx.env });
  if (region.from === "default") {
    const config = init.sharedConfig ?? (await loadSharedConfig({ ...init, ...ctx }));
    const selected = selectProfile({ profile: init.profile, env: ctx.env });
    getScopedProfile(config, selected);
    region = resolveSetting(REGION, { env: ctx.env, profile: profileSettings(config, selected.name) });
  }
  return region.value || undefined;
}
