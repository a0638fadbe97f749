import { describe, expect, it } from "vitest";
import { ssoConfigFromProfile } from "../src/sso-config.js";

const SESSION = { sso_start_url: "https://corp.awsapps.com/start", sso_region: "eu-west-1", sso_registration_scopes: "sso:account:access" };

function error(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; profile?: string; key?: string };
  }
  throw new Error("no error");
}

describe(ssoConfigFromProfile.name, () => {
  it("is undefined for a profile with neither sso_account_id nor sso_role_name", () => {
    expect(ssoConfigFromProfile("dev", { sso_start_url: "https://x", sso_session: "missing" }, {})).toBeUndefined();
  });

  it("merges an sso-session into the profile", () => {
    expect(ssoConfigFromProfile("dev", { sso_session: "corp", sso_account_id: "111122223333", sso_role_name: "Dev" }, { corp: SESSION })).toEqual({
      profile: "dev",
      ssoSession: "corp",
      ssoStartUrl: SESSION.sso_start_url,
      ssoRegion: "eu-west-1",
      ssoAccountId: "111122223333",
      ssoRoleName: "Dev",
      ssoRegistrationScopes: "sso:account:access",
      sessionConfig: SESSION,
    });
  });

  it("reads the legacy form", () => {
    const profile = { sso_start_url: "https://old.awsapps.com/start", sso_region: "us-east-1", sso_account_id: "1", sso_role_name: "R" };
    expect(ssoConfigFromProfile("old", profile, {})).toEqual({
      profile: "old",
      ssoStartUrl: profile.sso_start_url,
      ssoRegion: "us-east-1",
      ssoAccountId: "1",
      ssoRoleName: "R",
    });
  });

  it("lists every missing key, in botocore's order and wording", () => {
    const e = error(() => ssoConfigFromProfile("half", { sso_role_name: "R" }, {}));
    expect(e.code).toBe("InvalidConfig");
    expect(e.message).toBe('The profile "half" is configured to use SSO but is missing required configuration: sso_account_id, sso_start_url, sso_region');
    expect(e.profile).toBe("half");
  });

  it("names an unknown sso-session", () => {
    const e = error(() => ssoConfigFromProfile("dev", { sso_session: "nope", sso_role_name: "R", sso_account_id: "1" }, { corp: SESSION }));
    expect([e.code, e.message, e.key]).toEqual(["InvalidConfig", 'The specified sso-session does not exist: "nope"', "sso_session"]);
  });

  it("names the profile and key when profile and sso-session disagree", () => {
    const profile = { sso_session: "corp", sso_role_name: "R", sso_account_id: "1", sso_region: "us-east-1" };
    const e = error(() => ssoConfigFromProfile("dev", profile, { corp: SESSION }));
    expect(e.code).toBe("InvalidConfig");
    expect(e.message).toContain("The value for sso_region is inconsistent between profile (us-east-1) and sso-session (eu-west-1).");
    expect(e.message).toContain('Profile "dev"');
    expect(e.key).toBe("sso_region");
    // Equal values in both places are fine.
    expect(ssoConfigFromProfile("dev", { ...profile, sso_region: "eu-west-1" }, { corp: SESSION })?.ssoRegion).toBe("eu-west-1");
  });

  it("requires start URL and region in the sso-session itself (botocore's SSOTokenProvider)", () => {
    const profile = { sso_session: "corp", sso_role_name: "R", sso_account_id: "1", sso_start_url: "https://corp.awsapps.com/start" };
    const e = error(() => ssoConfigFromProfile("dev", profile, { corp: { sso_region: "eu-west-1" } }));
    expect(e.message).toBe(
      "The profile \"dev\" is configured to use the SSO token provider but is missing the following configuration: ['sso_start_url'] (in [sso-session corp]).",
    );
    const empty = error(() => ssoConfigFromProfile("dev", { ...profile, sso_region: "eu-west-1" }, { corp: {} }));
    expect(empty.message).toContain('the "corp" sso_session configuration does not exist.');
  });

  it("rejects a sub-section where a value is needed", () => {
    const e = error(() => ssoConfigFromProfile("dev", { sso_role_name: { x: "y" }, sso_account_id: "1", sso_start_url: "u", sso_region: "r" }, {}));
    expect([e.code, e.key]).toEqual(["InvalidConfig", "sso_role_name"]);
  });
});
