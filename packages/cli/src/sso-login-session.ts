import { CredchainError, quoteUntrusted } from "@credchain/core";
import { showName, type SelectedProfile } from "@credchain/core/internal";
import { getScopedProfile, type SharedConfig } from "@credchain/provider-ini";
import type { SsoLoginSession } from "@credchain/provider-sso/sign-in";

const REQUIRED = ["sso_start_url", "sso_region"] as const;

/** `sso_registration_scopes` as the AWS CLI splits it: at commas, trimmed, empties dropped. */
export function parseScopes(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * What `sso login` signs in to, as the AWS CLI v2's `BaseSSOCommand._get_sso_config`: the
 * `--sso-session`, else the profile's `sso_session` (its `[sso-session]` section must exist and
 * set `sso_start_url` and `sso_region`), else the profile's own legacy `sso_start_url` and
 * `sso_region`. The selected profile must exist (the AWS CLI reads it first either way).
 * Errors: `ProfileNotFound`, or `InvalidConfig` naming the section and the missing keys.
 */
export function loginSession(config: SharedConfig, selected: Pick<SelectedProfile, "name" | "from">, ssoSession: string | undefined): SsoLoginSession {
  const profile = getScopedProfile(config, selected);
  const file = config.configFile.path;
  const name = ssoSession ?? (typeof profile.sso_session === "string" ? profile.sso_session : undefined);
  const sessions = config.configFile.ssoSessions;
  if (name !== undefined && !Object.hasOwn(sessions, name)) {
    throw new CredchainError({ code: "InvalidConfig", message: `The specified sso-session does not exist: "${showName(name)}" (no [sso-session ${showName(name)}] in ${quoteUntrusted(file)})`, file, profile: selected.name, key: "sso_session" });
  }
  const section = name === undefined ? profile : (sessions[name] as typeof profile);
  const where = name === undefined ? `profile "${showName(selected.name)}"` : `[sso-session ${showName(name)}]`;
  const missing = REQUIRED.filter((k) => typeof section[k] !== "string");
  if (missing.length > 0) {
    const hint = name === undefined ? "; set them, or sso_session, in the profile" : "";
    throw new CredchainError({
      code: "InvalidConfig",
      message: `Missing the following required SSO configuration values in ${where} of ${quoteUntrusted(file)}: ${missing.join(", ")}${hint}`,
      file,
      profile: selected.name,
      key: missing[0],
    });
  }
  const scopes = name !== undefined && typeof section.sso_registration_scopes === "string" ? parseScopes(section.sso_registration_scopes) : undefined;
  return {
    startUrl: section.sso_start_url as string,
    region: section.sso_region as string,
    ...(name !== undefined && { sessionName: name }),
    ...(scopes && { registrationScopes: scopes }),
  };
}
