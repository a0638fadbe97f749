import { CredchainError } from "@credchain/core";
import { describe, expect, it } from "vitest";
import type { CredentialPlan } from "../src/credential-plan.js";
import { describePlan, planSummary } from "../src/describe-plan.js";

const base = { profile: "p", skipped: [] };
const SSO = { profile: "p", ssoStartUrl: "https://x", ssoRegion: "eu-west-1", ssoAccountId: "1", ssoRoleName: "R" };

describe(describePlan.name, () => {
  it.each<[CredentialPlan, string]>([
    [{ ...base, kind: "static", method: "config-file", file: "/c" }, "static p (config file)"],
    [{ ...base, kind: "web-identity", method: "assume-role-with-web-identity", tokenFile: "/t", tokenFileFrom: "AWS_WEB_IDENTITY_TOKEN_FILE", roleArn: "r", roleSessionName: undefined }, "web-identity p (token file from AWS_WEB_IDENTITY_TOKEN_FILE)"],
    [{ ...base, kind: "sso", method: "sso", config: { ...SSO, ssoSession: "corp" } }, "sso p (sso-session corp)"],
    [{ ...base, kind: "sso", method: "sso", config: SSO }, "sso p (legacy)"],
    [{ ...base, kind: "process", method: "custom-process", command: "helper --secret-flag s3cr3t" }, "process p"],
    [{ ...base, kind: "login", method: "login", loginSession: "arn" }, "login p"],
    [{ ...base, kind: "none", reason: "nothing here" }, "none: nothing here"],
    [{ ...base, kind: "invalid", method: "sso", error: new CredchainError({ code: "InvalidConfig", message: "m" }) }, "invalid p [InvalidConfig]"],
    [{ ...base, kind: "assume-role", method: "assume-role", roleArn: "arn:r", source: { kind: "credential-source", profile: "p", name: "Environment" } }, "assume-role p → credential_source Environment (profile p)"],
  ])("%j → %s", (plan, text) => {
    expect(describePlan(plan)).toBe(text);
  });

  it("never shows a helper's command line", () => {
    const plan: CredentialPlan = { ...base, kind: "process", method: "custom-process", command: "helper --secret-flag s3cr3t" };
    expect(JSON.stringify(planSummary(plan))).not.toContain("s3cr3t");
  });
});

describe(planSummary.name, () => {
  it("lists a chain from the selected profile down, in a loop", () => {
    let plan: CredentialPlan = { ...base, profile: "keys", kind: "static", method: "shared-credentials-file", file: "/c" };
    for (let i = 0; i < 5000; i++) plan = { ...base, profile: `p${i}`, kind: "assume-role", method: "assume-role", roleArn: `arn:${i}`, source: plan };
    const steps = planSummary(plan);
    expect(steps).toHaveLength(5001);
    expect(steps[0]).toEqual({ kind: "assume-role", profile: "p4999", detail: "arn:4999" });
    expect(steps.at(-1)).toEqual({ kind: "static", profile: "keys", detail: "credentials file" });
    expect(describePlan(plan)).toMatch(/^assume-role p4999 → (assume-role p\d+ → ){5}… 4,992 more … → assume-role p1 → assume-role p0 → static keys \(credentials file\)$/);
  });
});
