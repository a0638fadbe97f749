import type { CredentialProvider } from "@credchain/core";
import type { Profile } from "@credchain/provider-ini";
import { fromLogin } from "@credchain/provider-sso";
import type { Session } from "./session.js";

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/**
 * botocore's LoginProvider for one profile (`login_session`, left by `aws login`): the region for a
 * refresh and the sign-in endpoint come from the session profile's settings under env.
 */
export function loginFromProfile(session: Session, name: string, profile: Profile): CredentialProvider {
  return fromLogin({ ...session.ctx, profile: name, loginSession: text(profile.login_session), profileSettings: session.settings });
}
