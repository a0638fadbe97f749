import { CredchainError } from "@credchain/core";
import type { Explanation } from "@credchain/chain";
import type { CredentialPlan } from "@credchain/provider-ini";
import { describe, expect, it } from "vitest";
import { explainJson, explainText } from "../src/format-explain.js";

const ROLE = "arn:aws:iam::123456789012:role/dev";
const plan: CredentialPlan = {
  kind: "assume-role",
  method: "assume-role",
  profile: "dev",
  skipped: [],
  roleArn: ROLE,
  source: { kind: "assume-role", method: "assume-role", profile: "base", skipped: [], roleArn: ROLE, source: { kind: "static", method: "shared-credentials-file", profile: "keys", skipped: [], file: "/h/.aws/credentials" } },
};
const explanation: Explanation = {
  profile: { name: "dev", from: "option" },
  plan,
  attempts: [{ source: "assume-role", outcome: "failed", reason: "denied", code: "CredentialRetrieval" }],
  error: new CredchainError({ code: "CredentialRetrieval", message: "denied" }),
};

describe(explainText.name, () => {
  it("shows the plan after the profile and before the attempts", () => {
    const lines = explainText(explanation).split("\n");
    expect(lines.slice(0, 3)).toEqual(['profile: "dev" (selected by --profile)', "plan:    assume-role dev → assume-role base → static keys (credentials file)", ""]);
    expect(lines[3]).toMatch(/^ 1\. assume-role\s+FAILED\s+denied \[CredentialRetrieval\]$/);
  });

  it("shows an invalid plan with its code", () => {
    const invalid: CredentialPlan = { kind: "invalid", method: "assume-role", profile: "dev", skipped: [], error: new CredchainError({ code: "InfiniteLoopConfig", message: "loop" }) };
    expect(explainText({ ...explanation, plan: invalid })).toContain("plan:    invalid dev [InfiniteLoopConfig]\n");
  });
});

describe(explainJson.name, () => {
  it("adds Plan (text and steps) and keeps every other field", () => {
    const json = explainJson(explanation);
    expect(Object.keys(json)).toEqual(["Profile", "Plan", "Providers", "Result", "Error"]);
    expect(json.Plan).toEqual({
      Text: "assume-role dev → assume-role base → static keys (credentials file)",
      Steps: [
        { Kind: "assume-role", Profile: "dev", Detail: ROLE },
        { Kind: "assume-role", Profile: "base", Detail: ROLE },
        { Kind: "static", Profile: "keys", Detail: "credentials file" },
      ],
    });
    expect(explainJson({ attempts: [] }).Plan).toBeNull();
  });
});
