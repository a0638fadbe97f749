import { notFound, type CredentialProvider } from "@credchain/core";
import { fromWebIdentity } from "@credchain/provider-sts";
import { sessionEnv, type Session } from "./session.js";

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * botocore's AssumeRoleWithWebIdentityProvider for one profile: each setting from its env var
 * (unless a profile was chosen in code), else the profile's key.
 */
export function webIdentityFromProfile(session: Session, name: string, envDisabled: boolean): CredentialProvider {
  const profile = session.config.profiles[name] ?? {};
  const env = sessionEnv(session, envDisabled);
  const tokenFile = env.AWS_WEB_IDENTITY_TOKEN_FILE || text(profile.web_identity_token_file);
  if (!tokenFile) {
    return async () => {
      throw notFound(
        "assume-role-with-web-identity",
        `${envDisabled ? "" : "AWS_WEB_IDENTITY_TOKEN_FILE is not set and "}profile "${name}" has no web_identity_token_file`,
        { envVars: envDisabled ? [] : ["AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN"], profile: name },
      );
    };
  }
  return fromWebIdentity({
    ...session.ctx,
    env,
    profileSettings: session.settings,
    ...session.roles.sts,
    // Only the profile's value goes in as the option, so errors name the setting the user wrote.
    webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE ? undefined : tokenFile,
    roleArn: env.AWS_ROLE_ARN || text(profile.role_arn),
    roleSessionName: env.AWS_ROLE_SESSION_NAME || text(profile.role_session_name),
  });
}
