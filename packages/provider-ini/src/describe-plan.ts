import type { CredentialPlan, CredentialSourcePlan } from "./credential-plan.js";

/** One step of a plan as explain shows it, top (the selected profile) first; never a secret or a command line. */
export interface PlanSummaryStep {
  kind: CredentialPlan["kind"] | CredentialSourcePlan["kind"];
  profile: string;
  /** What the step reads: the file, the role, the credential source, the token file's setting, the sso-session; for `none` the reason, for `invalid` the error code. */
  detail?: string;
}

/**
 * A plan as a list, from the selected profile down to what signs the first role (a role chain
 * is one step per role), walked in a loop.
 *
 * @example
 * ```ts
 * planSummary(planProfile(config, "dev"));
 * // [{ kind: "assume-role", profile: "dev", detail: "arn:aws:iam::123456789012:role/dev" }, { kind: "static", profile: "base", detail: "credentials file" }]
 * ```
 */
export function planSummary(plan: CredentialPlan): PlanSummaryStep[] {
  const steps: PlanSummaryStep[] = [];
  for (let step: CredentialPlan | CredentialSourcePlan | undefined = plan; step; ) {
    const { kind, profile } = step;
    const detail =
      step.kind === "assume-role"
        ? step.roleArn
        : step.kind === "credential-source"
          ? step.name
          : step.kind === "static"
            ? step.method === "config-file"
              ? "config file"
              : "credentials file"
            : step.kind === "web-identity"
              ? `token file from ${step.tokenFileFrom}`
              : step.kind === "sso"
                ? step.config.ssoSession === undefined
                  ? "legacy"
                  : `sso-session ${step.config.ssoSession}`
                : step.kind === "none"
                  ? step.reason
                  : step.kind === "invalid"
                    ? step.error.code
                    : undefined;
    steps.push({ kind, profile, ...(detail !== undefined && { detail }) });
    step = step.kind === "assume-role" ? step.source : undefined;
  }
  return steps;
}

/**
 * A plan on one line, for `credchain explain`: `assume-role dev → assume-role base → static base
 * (credentials file)`. A long role chain shows its first and last steps.
 *
 * @example
 * ```ts
 * describePlan(planProfile(config, "dev")); // "sso dev (sso-session corp)"
 * ```
 */
export function describePlan(plan: CredentialPlan): string {
  const parts = planSummary(plan).map(({ kind, profile, detail }) => {
    if (kind === "assume-role") return `assume-role ${profile}`;
    if (kind === "credential-source") return `credential_source ${detail} (profile ${profile})`;
    if (kind === "none") return `none: ${detail}`;
    return `${kind} ${profile}${detail === undefined ? "" : kind === "invalid" ? ` [${detail}]` : ` (${detail})`}`;
  });
  const shown = parts.length > 12 ? [...parts.slice(0, 6), `… ${(parts.length - 9).toLocaleString("en-US")} more …`, ...parts.slice(-3)] : parts;
  return shown.join(" → ");
}
