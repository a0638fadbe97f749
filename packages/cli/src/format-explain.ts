import { maskAccessKeyId, type ChainAttempt, type LookedAt } from "@credchain/core";
import type { Explanation } from "@credchain/chain";
import { describePlan, planSummary } from "@credchain/provider-ini";
import { isoSeconds } from "./format-export.js";
import { printable } from "./printable.js";

export const EXPLAIN_FORMATS = ["text", "json"] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export const FROM: Record<string, string> = {
  option: "--profile",
  AWS_DEFAULT_PROFILE: "AWS_DEFAULT_PROFILE",
  AWS_PROFILE: "AWS_PROFILE",
  default: "default: no --profile, AWS_DEFAULT_PROFILE or AWS_PROFILE",
};

function lookedAtJson(l: LookedAt): Record<string, unknown> {
  return {
    ...(l.envVars && { EnvVars: l.envVars }),
    ...(l.files && { Files: l.files }),
    ...(l.profile !== undefined && { Profile: l.profile }),
    ...(l.note !== undefined && { Note: l.note }),
  };
}

function attemptJson(a: ChainAttempt): Record<string, unknown> {
  return {
    Source: a.source,
    Outcome: a.outcome,
    Reason: a.reason,
    ...(a.code && { Code: a.code }),
    ...(a.lookedAt && { LookedAt: lookedAtJson(a.lookedAt) }),
  };
}

/**
 * The machine form: the same facts as the text, PascalCase as the export JSON. `Plan` (what the
 * profile says to do, provider-ini's plan) came after the other fields: scripts reading them are unaffected.
 */
export function explainJson(e: Explanation): Record<string, unknown> {
  const c = e.credentials;
  return {
    Profile: e.profile ? { Name: e.profile.name, From: e.profile.from } : null,
    Plan: e.plan
      ? {
          Text: describePlan(e.plan),
          Steps: planSummary(e.plan).map((s) => ({ Kind: s.kind, Profile: s.profile, ...(s.detail !== undefined && { Detail: s.detail }) })),
        }
      : null,
    Providers: e.attempts.map(attemptJson),
    Result: c
      ? {
          Source: c.source,
          AccessKeyId: maskAccessKeyId(c.accessKeyId),
          ...(c.sessionToken !== undefined && { SessionToken: "[redacted]" }),
          Expiration: c.expiration ? isoSeconds(c.expiration) : null,
          ...(c.accountId !== undefined && { AccountId: c.accountId }),
        }
      : null,
    Error: e.error ? { Code: e.error.code, Message: e.error.message } : null,
  };
}

const MARK = { used: "used", skipped: "skipped", failed: "FAILED" } as const;

function indent(text: string, by: string): string {
  return text.split("\n").join(`\n${by}`);
}

/** `explain` as plain text; text from files, env and providers goes through `printable`, so no escape reaches the terminal. */
export function explainText(e: Explanation): string {
  const out: string[] = [];
  if (e.profile) out.push(`profile: ${printable(JSON.stringify(e.profile.name), 200)} (selected by ${FROM[e.profile.from] ?? e.profile.from})`);
  // What the profile says to do, before what each provider did.
  if (e.plan) out.push(`plan:    ${printable(describePlan(e.plan))}`);
  if (e.profile || e.plan) out.push("");
  const width = Math.max(...e.attempts.map((a) => a.source.length), 6);
  for (const [i, a] of e.attempts.entries()) {
    const n = String(i + 1).padStart(2);
    const code = a.code ? ` [${a.code}]` : "";
    out.push(`${n}. ${a.source.padEnd(width)}  ${MARK[a.outcome].padEnd(7)}  ${indent(printable(a.reason), " ".repeat(width + 17))}${code}`);
    const files = a.lookedAt?.files;
    if (files?.length && a.outcome !== "used") out.push(`    ${" ".repeat(width)}  ${"".padEnd(7)}  looked at: ${printable(files.join(", "))}`);
  }
  out.push("");
  const result = outcome(e);
  if (result) out.push(`${result.resolved ? "resolved" : "not resolved"}: ${printable(result.text)}`);
  return `${out.join("\n")}\n`;
}

/** The last line: which provider answered and what (masked), or the error's code and message. */
export function outcome(e: Explanation): { resolved: boolean; text: string } | undefined {
  const c = e.credentials;
  if (c) {
    const parts = [`access key ${maskAccessKeyId(c.accessKeyId)}`];
    if (c.sessionToken !== undefined) parts.push("with a session token");
    parts.push(c.expiration ? `expires ${isoSeconds(c.expiration)}` : "no expiry");
    if (c.accountId !== undefined) parts.push(`account ${c.accountId}`);
    return { resolved: true, text: `${c.source} — ${parts.join(", ")}` };
  }
  if (!e.error) return undefined;
  const first = e.error.code === "NoCredentials" ? "no provider found credentials" : e.error.message;
  return { resolved: false, text: `${e.error.code}: ${first}` };
}
