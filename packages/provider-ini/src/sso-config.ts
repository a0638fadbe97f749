import { CredchainError, type ConfigSection } from "@credchain/core/local";
import { showName, type SsoProfileConfig } from "@credchain/core/internal";

/**
 * A section as provider-ini reads it: keys to values, a sub-section (`s3 =` + indented lines) as an object.
 * (Spelled out in exported signatures, so the API reference shows what it is.)
 */
type SsoSection = Readonly<ConfigSection>;

const PROFILE_REQUIRED = ["sso_role_name", "sso_account_id"] as const;
const ALL_REQUIRED = [...PROFILE_REQUIRED, "sso_start_url", "sso_region"] as const;

const has = (section: object, key: string) => Object.prototype.hasOwnProperty.call(section, key);

/**
 * Reads a profile's SSO settings as botocore's `SSOProvider._load_sso_config` does: `undefined`
 * when the profile sets neither `sso_role_name` nor `sso_account_id` (not an SSO profile);
 * otherwise the merged profile + `[sso-session]` settings, or `InvalidConfig` for an unknown
 * sso-session, a key whose profile and sso-session values disagree, or missing keys (all named).
 *
 * @param profileName the profile's name (`dev` for `[profile dev]`)
 * @param profileSection the profile's keys (`config.profiles[name]`)
 * @param ssoSessions every `[sso-session NAME]` section by NAME (`config.configFile.ssoSessions`)
 *
 * @example
 * ```ts
 * import { loadSharedConfig, ssoConfigFromProfile } from "@credchain/provider-ini";
 * import { fromSso } from "@credchain/provider-sso";
 *
 * const config = await loadSharedConfig();
 * const sso = ssoConfigFromProfile("dev", config.profiles.dev ?? {}, config.configFile.ssoSessions);
 * if (sso) console.log((await fromSso(sso)()).accessKeyId);
 * ```
 */
export function ssoConfigFromProfile(
  profileName: string,
  profileSection: Readonly<ConfigSection>,
  ssoSessions: Readonly<Record<string, Readonly<ConfigSection>>>,
): SsoProfileConfig | undefined {
  if (PROFILE_REQUIRED.every((k) => !has(profileSection, k))) return undefined;

  const merged: Record<string, unknown> = { ...profileSection };
  const sessionName = typeof profileSection.sso_session === "string" ? profileSection.sso_session : undefined;
  let session: SsoSection | undefined;
  if (has(profileSection, "sso_session")) {
    session = sessionName !== undefined && has(ssoSessions, sessionName) ? ssoSessions[sessionName] : undefined;
    if (session === undefined) {
      throw invalid(`The specified sso-session does not exist: "${showName(sessionName ?? "")}"`, profileName, "sso_session");
    }
    for (const [key, value] of Object.entries(session)) {
      if (has(merged, key) && !sameValue(merged[key], value)) {
        throw invalid(
          `The value for ${key} is inconsistent between profile (${show(merged[key])}) and sso-session (${show(value)}). ` +
            `Profile "${showName(profileName)}" and [sso-session ${showName(sessionName!)}] must agree on ${key}, or only one of them may set it.`,
          profileName,
          key,
        );
      }
      merged[key] = value;
    }
  }

  const required = session === undefined ? ALL_REQUIRED : [...ALL_REQUIRED, "sso_session"];
  const missing = required.filter((k) => !has(merged, k));
  if (missing.length > 0) {
    throw invalid(
      `The profile "${showName(profileName)}" is configured to use SSO but is missing required configuration: ${missing.join(", ")}`,
      profileName,
      missing[0],
    );
  }
  for (const key of required) {
    if (typeof merged[key] !== "string") throw invalid(`The profile "${showName(profileName)}" sets ${key} to a sub-section, not a value`, profileName, key);
  }

  let sessionConfig: Record<string, string> | undefined;
  if (session !== undefined) {
    sessionConfig = checkSessionForToken(profileName, sessionName!, session);
  }
  const scopes = merged.sso_registration_scopes;
  return {
    profile: profileName,
    ...(sessionName !== undefined && { ssoSession: sessionName }),
    ssoStartUrl: merged.sso_start_url as string,
    ssoRegion: merged.sso_region as string,
    ssoAccountId: merged.sso_account_id as string,
    ssoRoleName: merged.sso_role_name as string,
    ...(typeof scopes === "string" && { ssoRegistrationScopes: scopes }),
    ...(sessionConfig && { sessionConfig }),
  };
}

/**
 * botocore's SSOTokenProvider reads the start URL and region from the sso-session section alone
 * (not merged with the profile), and fails when the section is empty or lacks either.
 */
function checkSessionForToken(profileName: string, sessionName: string, session: SsoSection): Record<string, string> {
  const prefix = `The profile "${showName(profileName)}" is configured to use the SSO token provider but`;
  if (Object.keys(session).length === 0) {
    throw invalid(`${prefix} the "${sessionName}" sso_session configuration does not exist.`, profileName, "sso_session");
  }
  const missing = ["sso_start_url", "sso_region"].filter((k) => !has(session, k));
  if (missing.length > 0) {
    throw invalid(
      `${prefix} is missing the following configuration: [${missing.map((k) => `'${k}'`).join(", ")}] (in [sso-session ${showName(sessionName)}]).`,
      profileName,
      missing[0],
    );
  }
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(session)) if (typeof v === "string") out[k] = v;
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function invalid(message: string, profile: string, key: string | undefined): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: "sso", profile, key });
}
