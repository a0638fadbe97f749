import { fromConfigFile, fromSharedCredentialsFile } from "@credchain/provider-ini";
import { lazy } from "./lazy.js";
import { link, type ChainLink } from "./link.js";
import type { Session } from "./session.js";

/**
 * botocore's ProfileProviderBuilder.providers(profile): web identity, sso, the credentials file,
 * login, credential_process, the config file — for the selected profile in the default chain,
 * and for a `source_profile` of a role.
 */
export function profileLinks(session: Session, name: string, envDisabled: boolean): ChainLink[] {
  const { ctx, config } = session;
  const profile = config.profiles[name] ?? {};
  const profileInit = { ...ctx, profile: name, sharedConfig: config };
  return [
    link("assume-role-with-web-identity", lazy(async () => (await import("./web-identity-from-profile.js")).webIdentityFromProfile(session, name, envDisabled))),
    link("sso", lazy(async () => (await import("./sso-from-profile.js")).ssoFromProfile(name, profile, config, ctx, session.settings))),
    link("shared-credentials-file", fromSharedCredentialsFile(profileInit)),
    link("login", lazy(async () => (await import("./login-from-profile.js")).loginFromProfile(session, name, profile))),
    link(
      "custom-process",
      lazy(async () => (await import("./process-from-profile.js")).processFromProfile(name, profile, config, { ...ctx, ...session.process })),
    ),
    link("config-file", fromConfigFile(profileInit)),
  ];
}
