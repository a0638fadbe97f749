import type { CredentialSource, Env, LookedAt } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import type { CredentialPlan, SkippedProvider } from "./credential-plan.js";
import type { SharedConfig } from "./load-shared-config.js";
import { invalidPlan, profileOf, profileText } from "./plan-helpers.js";
import { ssoConfigFromProfile } from "./sso-config.js";
import { staticKeysStep } from "./static-keys-step.js";

/** What one profile provider makes of a profile: its plan, or why it does not apply. */
type Decision = PlanOf<Exclude<CredentialPlan, { kind: "none" | "invalid" }>> | { skip: string; lookedAt?: LookedAt };
type PlanOf<T> = T extends unknown ? Omit<T, "profile" | "skipped"> : never;
type Step = (config: SharedConfig, name: string, env: Env, envDisabled: boolean) => Decision;

/**
 * botocore's `ProfileProviderBuilder.providers(name)` without the assume-role provider: what a
 * `source_profile` with keys, or without a role, runs (env always disabled there), and what
 * the selected profile runs after the assume-role provider.
 */
export function planProfileProviders(config: SharedConfig, name: string, env: Env, envDisabled: boolean, skipped: SkippedProvider[] = []): CredentialPlan {
  for (const [method, step] of STEPS) {
    let decision: Decision;
    try {
      decision = step(config, name, env, envDisabled);
    } catch (error) {
      return invalidPlan(method, name, error, skipped);
    }
    if ("skip" in decision) skipped.push({ method, reason: decision.skip, ...(decision.lookedAt && { lookedAt: decision.lookedAt }) });
    else return { ...decision, profile: name, skipped };
  }
  return { kind: "none", profile: name, skipped, reason: `no provider of profile "${showName(name)}" applies` };
}

const WEB_IDENTITY_VARS = { web_identity_token_file: "AWS_WEB_IDENTITY_TOKEN_FILE", role_arn: "AWS_ROLE_ARN", role_session_name: "AWS_ROLE_SESSION_NAME" } as const;

const STEPS: [CredentialSource, Step][] = [
  [
    "assume-role-with-web-identity",
    (config, name, env, envDisabled) => {
      // botocore's _get_config: the env var when set (even to ""), else the profile's key.
      const get = (key: keyof typeof WEB_IDENTITY_VARS): [string | undefined, string] => {
        const variable = WEB_IDENTITY_VARS[key];
        return !envDisabled && env[variable] !== undefined ? [env[variable], variable] : [profileText(config, name, key, "assume-role-with-web-identity"), key];
      };
      const [tokenFile, from] = get("web_identity_token_file");
      if (!tokenFile) {
        const lookedAt = { envVars: envDisabled ? [] : Object.values(WEB_IDENTITY_VARS).slice(0, 2), profile: name };
        if (tokenFile === "") return { skip: `${from} is empty`, lookedAt };
        return { skip: `${envDisabled ? "" : "AWS_WEB_IDENTITY_TOKEN_FILE is not set and "}profile "${showName(name)}" has no web_identity_token_file`, lookedAt };
      }
      return { kind: "web-identity", method: "assume-role-with-web-identity", tokenFile, tokenFileFrom: from, roleArn: get("role_arn")[0], roleSessionName: get("role_session_name")[0] };
    },
  ],
  [
    "sso",
    (config, name) => {
      const sso = ssoConfigFromProfile(name, profileOf(config, name), config.configFile.ssoSessions);
      if (sso === undefined) return { skip: `profile "${showName(name)}" has no sso_account_id or sso_role_name`, lookedAt: { profile: name, files: [config.configFile.path] } };
      return { kind: "sso", method: "sso", config: sso };
    },
  ],
  ["shared-credentials-file", (config, name) => staticStep(config, name, "credentials")],
  [
    "login",
    (config, name) => {
      const loginSession = profileText(config, name, "login_session", "login");
      if (loginSession === undefined) return { skip: `profile ${showName(name)} has no login_session`, lookedAt: { profile: name } };
      return { kind: "login", method: "login", loginSession };
    },
  ],
  [
    "custom-process",
    (config, name) => {
      const command = profileText(config, name, "credential_process", "custom-process");
      if (command === undefined) {
        return { skip: `profile "${showName(name)}" has no credential_process`, lookedAt: { files: [config.configFile.path, config.credentialsFile.path], profile: name } };
      }
      // botocore falls back to the profile's aws_account_id when the output has none.
      const accountId = profileOf(config, name).aws_account_id;
      return { kind: "process", method: "custom-process", command, ...(typeof accountId === "string" && { accountId }) };
    },
  ],
  ["config-file", (config, name) => staticStep(config, name, "config")],
];

function staticStep(config: SharedConfig, name: string, which: "credentials" | "config"): Decision {
  const file = which === "credentials" ? config.credentialsFile : config.configFile;
  const step = staticKeysStep(file, `${which} file`, name);
  if (!step.keys) return { skip: step.reason, lookedAt: step.lookedAt };
  const method = which === "credentials" ? "shared-credentials-file" : "config-file";
  return { kind: "static", method, file: file.path, ...(step.sessionTokenKey && { sessionTokenKey: step.sessionTokenKey }) };
}
