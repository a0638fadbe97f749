import { describe, expect, it } from "vitest";
import { signInCommand } from "../src/errors.js";

describe(signInCommand.name, () => {
  it("names aws sso login by sso-session, by profile for a legacy profile, and aws login by profile", () => {
    expect(signInCommand("sso", { profile: "dev", ssoSession: "corp" })).toBe("aws sso login --sso-session corp");
    expect(signInCommand("sso", { profile: "old" })).toBe("aws sso login --profile old");
    expect(signInCommand("login", { profile: "dev", ssoSession: "corp" })).toBe("aws login --profile dev");
  });
});
