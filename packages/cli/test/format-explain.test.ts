import { CredchainError } from "@credchain/core";
import type { Explanation } from "@credchain/chain";
import type { CredentialPlan } from "@credchain/provider-ini";
import { describe, expect, it } from "vitest";
import { explainTable } from "../src/format-explain-table.js";
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

describe("explain output in a terminal", () => {
  // A provider's reason, a file path and a profile name are text from env, files or a custom
  // provider: shown escaped, so only credchain's own colours reach the terminal.
  const hostile: Explanation = {
    profile: { name: "dev\u001b[31m", from: "AWS_PROFILE" },
    plan: { ...plan, profile: "dev\u001b[31m" },
    attempts: [{ source: "custom", outcome: "failed", reason: "no\u001b]0;t\u0007", code: "CredentialRetrieval", lookedAt: { files: ["/h/\u001b[2J"] } }],
    error: new CredchainError({ code: "CredentialRetrieval", message: "bad\u009b" }),
  };

  it.each([
    ["text", () => explainText(hostile)],
    ["table", () => explainTable(hostile, (_code, text) => text)],
  ])("%s: no control character but newlines", (_what, render) => {
    const out = render();
    expect(out).toContain("\\x1b");
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });
});

