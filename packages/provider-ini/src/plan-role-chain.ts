import { CredchainError } from "@credchain/core/local";
import { boundedList, pythonInt, showName } from "@credchain/core/internal";
import { CREDENTIAL_SOURCE_NAMES, type AssumeRolePlan, type CredentialSourceName, type InvalidPlan } from "./credential-plan.js";
import type { SharedConfig } from "./load-shared-config.js";
import { invalidPlan, profileOf, profileText } from "./plan-helpers.js";
import { planProfileProviders } from "./plan-profile-providers.js";

/**
 * The longest role chain credchain follows. botocore recurses per level and fails with
 * RecursionError past about 330 roles; credchain plans and runs a chain in loops (no recursion)
 * and follows every chain botocore can, but refuses a longer one with InvalidConfig before any
 * provider runs, as such a chain makes hundreds of STS calls per resolution.
 */
export const MAX_ROLE_CHAIN = 400;

const SOURCE = "assume-role";
type Level = Omit<AssumeRolePlan, "source">;

/**
 * botocore's AssumeRoleProvider for a profile with `role_arn` (and no `web_identity_token_file`):
 * each level's settings and validation (`_get_role_config`), its source — `credential_source`,
 * or `source_profile`: that profile's own providers when it has keys or no role, else its role,
 * one level down — and loop detection with the profiles visited. Walked in a loop (a file may
 * chain thousands of profiles); the first error met ends the walk: that level is `invalid`.
 */
export function planRoleChain(config: SharedConfig, top: string): AssumeRolePlan | InvalidPlan {
  const profiles = config.profiles;
  const visited = [top];
  const seen = new Set(visited);
  const levels: Level[] = [];
  let source: AssumeRolePlan["source"];
  for (let name = top; ; ) {
    const text = (key: string) => profileText(config, name, key, SOURCE);
    let next: string;
    try {
      const sourceProfile = text("source_profile");
      const credentialSource = text("credential_source");
      const duration = text("duration_seconds");
      const level: Level = {
        kind: "assume-role",
        method: SOURCE,
        profile: name,
        skipped: [],
        roleArn: text("role_arn") ?? "",
        roleSessionName: text("role_session_name"),
        externalId: text("external_id"),
        mfaSerial: text("mfa_serial"),
        // botocore ignores a duration_seconds Python's int() cannot read.
        durationSeconds: duration === undefined ? undefined : pythonInt(duration),
      };
      if (credentialSource !== undefined && sourceProfile !== undefined) throw invalid(name, `The profile "${showName(name)}" contains both source_profile and credential_source.`);
      if (credentialSource === undefined && sourceProfile === undefined) {
        throw new CredchainError({
          code: "PartialCredentials",
          message: `Partial credentials found in assume-role, missing: source_profile or credential_source (profile "${showName(name)}" sets role_arn)`,
          source: SOURCE,
          profile: name,
          key: "source_profile",
        });
      }
      if (credentialSource !== undefined) {
        // botocore validates the name exactly (is_supported), though it matches it in any case later.
        if (!(CREDENTIAL_SOURCE_NAMES as readonly string[]).includes(credentialSource)) {
          throw invalid(name, `The credential source "${showName(credentialSource)}" referenced in profile "${showName(name)}" is not valid.`, "credential_source");
        }
        levels.push(level);
        source = { kind: "credential-source", profile: name, name: credentialSource as CredentialSourceName };
        break;
      }
      next = sourceProfile!;
      if (!Object.hasOwn(profiles, next)) throw invalid(name, `The source_profile "${showName(next)}" referenced in the profile "${showName(name)}" does not exist.`, "source_profile");
      // A profile may name itself as its source to keep keys and role together; any other revisit loops.
      if (seen.has(next) && (next !== name || !hasStaticKeys(config, next))) {
        throw new CredchainError({
          code: "InfiniteLoopConfig",
          // A file can chain thousands of profiles: the message names a few (`profiles` keeps them all).
          message: `Infinite loop in credential configuration detected. Attempting to load from profile ${showName(next)} which has already been visited. Visited profiles: ${boundedList([...visited, next].slice(0, 100).map(showName), visited.length + 1)}`,
          source: SOURCE,
          profile: next,
          profiles: [...visited, next],
        });
      }
      levels.push(level);
    } catch (error) {
      source = invalidPlan(SOURCE, name, error);
      break;
    }
    visited.push(next);
    seen.add(next);
    if (hasStaticKeys(config, next) || !usesAssumeRole(config, next)) {
      // The source profile's own providers, env never among them (botocore: disable_env_vars).
      const own = planProfileProviders(config, next, {}, true);
      source = own.kind === "none" ? invalidPlan(SOURCE, next, invalid(next, `The source profile "${showName(next)}" must have credentials.`)) : own;
      break;
    }
    name = next;
  }
  if (levels.length > MAX_ROLE_CHAIN && source.kind !== "invalid") {
    const error = invalid(top, `The role chain from profile "${showName(top)}" is ${levels.length} roles long; credchain follows at most ${MAX_ROLE_CHAIN} (botocore fails with RecursionError past about 330).`, "source_profile");
    return invalidPlan(SOURCE, top, error);
  }
  // Nest the levels bottom-up, in a loop: each role is the source of the one above it.
  for (let i = levels.length - 1; i >= 0; i--) source = { ...levels[i]!, source };
  return source as AssumeRolePlan | InvalidPlan;
}

function invalid(profile: string, message: string, key?: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: SOURCE, profile, key });
}

function hasStaticKeys(config: SharedConfig, name: string): boolean {
  const p = profileOf(config, name);
  return Object.hasOwn(p, "aws_access_key_id") || Object.hasOwn(p, "aws_secret_access_key");
}

/** botocore's _has_assume_role_config_vars: role_arn, and no web_identity_token_file (web identity's). */
function usesAssumeRole(config: SharedConfig, name: string): boolean {
  const p = profileOf(config, name);
  return Object.hasOwn(p, "role_arn") && !Object.hasOwn(p, "web_identity_token_file");
}
