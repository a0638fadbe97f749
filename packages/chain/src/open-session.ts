import {
  EC2_METADATA_SERVICE_ENDPOINT,
  EC2_METADATA_SERVICE_ENDPOINT_MODE,
  METADATA_SERVICE_NUM_ATTEMPTS,
  METADATA_SERVICE_TIMEOUT,
  resolveSetting,
  selectProfile,
  type ProviderContext,
  type SelectedProfile,
} from "@credchain/core";
import { getScopedProfile, loadSharedConfig, profileSettings, type SharedConfig } from "@credchain/provider-ini";
import type { DefaultChainOptions } from "./default-chain.js";
import type { Session } from "./session.js";

// Only settings botocore converts (and can refuse) need checking up front; the on/off switches do not.
const IMDS_CHECKED = [METADATA_SERVICE_TIMEOUT, METADATA_SERVICE_NUM_ATTEMPTS, EC2_METADATA_SERVICE_ENDPOINT, EC2_METADATA_SERVICE_ENDPOINT_MODE];

export interface OpenedSession {
  /** The options and the context, as the providers take them. */
  init: DefaultChainOptions & ProviderContext;
  config: SharedConfig;
  selected: SelectedProfile;
  session: Session;
}

/**
 * What creating a boto3 Session does: reads both files once, selects the profile (ProfileNotFound
 * and ConfigParse fail here, before any provider), checks the IMDS settings botocore converts, and
 * gathers what the plan's providers take.
 */
export async function openSession(options: DefaultChainOptions, ctx: ProviderContext): Promise<OpenedSession> {
  const init = { ...options, ...ctx };
  const config = await loadSharedConfig(init);
  const selected = selectProfile({ profile: options.profile, env: ctx.env });
  getScopedProfile(config, selected);
  const settings = profileSettings(config, selected.name);
  const imds = { ...options.imds, profileSettings: settings };
  // botocore builds its IMDS fetcher with the Session: bad settings fail before any provider runs.
  const sources = { env: ctx.env, profile: settings, source: "iam-role" as const };
  if (Object.keys(options.imds ?? {}).length > 0 || IMDS_CHECKED.some((s) => resolveSetting<unknown>(s, sources).from !== "default")) {
    (await import("./load-imds.js")).resolveImdsSettings(ctx.env, imds);
  }
  const session: Session = {
    ctx,
    config,
    settings,
    process: options.process,
    container: options.container,
    imds,
    roles: {
      ...(options.mfaCode && { mfaCode: options.mfaCode }),
      ...(options.sts && { sts: options.sts }),
      ...(options.roleCache && { cache: options.roleCache }),
      ...(options.assumeRole && { assumeRole: options.assumeRole }),
      ...(options.assumeRoleWithWebIdentity && { assumeRoleWithWebIdentity: options.assumeRoleWithWebIdentity }),
    },
  };
  return { init, config, selected, session };
}
