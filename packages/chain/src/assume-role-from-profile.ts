import { join } from "node:path";
import { boundedList, CredchainError, notFound, shouldTryNext, type CredentialProvider } from "@credchain/core";
import type { Profile } from "@credchain/provider-ini";
import { fromAssumeRole } from "@credchain/provider-sts";
import { withRefresh } from "@credchain/refresh-manager";
import { chain } from "./chain.js";
import { credentialSourceProvider } from "./credential-source.js";
import { profileLinks } from "./profile-links.js";
import { roleCacheKey, withRoleFileCache } from "./role-file-cache.js";
import type { Session } from "./session.js";

const SOURCE = "assume-role";
const text = (p: Profile, key: string) => (typeof p[key] === "string" ? (p[key] as string) : undefined);
const has = (p: Profile, key: string) => Object.hasOwn(p, key);
const hasStaticKeys = (p: Profile) => has(p, "aws_access_key_id") || has(p, "aws_secret_access_key");
/** botocore leaves role_arn profiles with web_identity_token_file to the web identity provider. */
export const usesAssumeRole = (p: Profile) => has(p, "role_arn") && !has(p, "web_identity_token_file");

function invalid(profile: string, message: string, key?: string): CredchainError {
  return new CredchainError({ code: "InvalidConfig", message, source: SOURCE, profile, key });
}

/** Python's int() on duration_seconds; botocore ignores a value it cannot read. */
function duration(p: Profile): number | undefined {
  const v = text(p, "duration_seconds");
  return v !== undefined && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(v) ? Number(v.trim().replaceAll("_", "")) : undefined;
}

/**
 * botocore's AssumeRoleProvider for a profile with `role_arn`: the role is assumed with
 * credentials from `credential_source` (Environment, Ec2InstanceMetadata, EcsContainer) or from
 * `source_profile` — that profile's own providers (keys, process, SSO, web identity), or, when it
 * is itself a role profile, that role first (chaining). Validation and errors as botocore's:
 * both or neither source set, an unknown credential_source, a missing source profile, loops.
 */
export function assumeRoleFromProfile(session: Session, name: string): CredentialProvider {
  const top = session.config.profiles[name] ?? {};
  if (!usesAssumeRole(top)) {
    return async () => {
      throw notFound(SOURCE, `profile "${name}" has no role_arn`, { profile: name });
    };
  }
  let provider: CredentialProvider | undefined;
  return async (options) => {
    provider ??= roleProvider(session, name, [name]);
    return provider(options);
  };
}

function roleProvider(session: Session, name: string, visited: string[]): CredentialProvider {
  const profiles = session.config.profiles;
  const profile = profiles[name] ?? {};
  const roleArn = text(profile, "role_arn") ?? "";
  const sourceProfile = text(profile, "source_profile");
  const credentialSource = text(profile, "credential_source");
  let source: CredentialProvider;
  if (credentialSource !== undefined && sourceProfile !== undefined) {
    throw invalid(name, `The profile "${name}" contains both source_profile and credential_source.`);
  } else if (credentialSource === undefined && sourceProfile === undefined) {
    throw new CredchainError({
      code: "PartialCredentials",
      message: `Partial credentials found in assume-role, missing: source_profile or credential_source (profile "${name}" sets role_arn)`,
      source: SOURCE,
      profile: name,
      key: "source_profile",
    });
  } else if (credentialSource !== undefined) {
    let named: CredentialProvider;
    try {
      named = credentialSourceProvider(credentialSource, { ...session.ctx, container: session.container, imds: session.imds, profile: name });
    } catch {
      throw invalid(name, `The credential source "${credentialSource}" referenced in profile "${name}" is not valid.`, "credential_source");
    }
    source = async (options) => {
      try {
        return await named(options);
      } catch (error) {
        if (!shouldTryNext(error)) throw error;
        throw new CredchainError({
          code: "CredentialRetrieval",
          message: `Error when retrieving credentials from ${credentialSource}: No credentials found in credential_source referenced in profile ${name}`,
          source: SOURCE,
          profile: name,
          cause: error,
        });
      }
    };
  } else {
    source = sourceProfileProvider(session, name, sourceProfile as string, visited);
  }
  const mfaSerial = text(profile, "mfa_serial");
  const mfaCode = session.roles.mfaCode;
  const assume = fromAssumeRole({
    ...session.ctx,
    profileSettings: session.settings,
    ...session.roles.sts,
    // Each level caches its own credentials, as botocore's refreshable credentials do.
    sourceCredentials: withRefresh(source, { logger: session.ctx.logger, now: session.ctx.now }),
    roleArn,
    roleSessionName: text(profile, "role_session_name"),
    externalId: text(profile, "external_id"),
    durationSeconds: duration(profile),
    mfaSerial,
    tokenCode:
      mfaSerial === undefined
        ? undefined
        : async () => {
            if (!mfaCode) {
              throw invalid(name, `profile "${name}" needs an MFA code for ${mfaSerial}: pass the mfaCode option (the CLI prompts for it)`, "mfa_serial");
            }
            return mfaCode({ serialNumber: mfaSerial, profile: name });
          },
  });
  const cache = session.roles.cache;
  if (cache === undefined || cache === "memory") return assume;
  const key = roleCacheKey({
    RoleArn: roleArn,
    RoleSessionName: text(profile, "role_session_name"),
    ExternalId: text(profile, "external_id"),
    SerialNumber: mfaSerial,
    DurationSeconds: duration(profile),
  });
  const dir = cache === "file" ? join(session.ctx.homedir, ".aws", "cli", "cache") : cache.dir;
  return withRoleFileCache(assume, { dir, key, now: session.ctx.now, logger: session.ctx.logger, readFile: session.ctx.readFile });
}

function sourceProfileProvider(session: Session, parent: string, name: string, visited: string[]): CredentialProvider {
  const profiles = session.config.profiles;
  if (!Object.hasOwn(profiles, name)) {
    throw invalid(parent, `The source_profile "${name}" referenced in the profile "${parent}" does not exist.`, "source_profile");
  }
  const profile = profiles[name] as Profile;
  // A profile may name itself as its source to keep keys and role together; any other revisit loops.
  if (visited.includes(name) && (name !== parent || !hasStaticKeys(profile))) {
    throw new CredchainError({
      code: "InfiniteLoopConfig",
      // A file can chain thousands of profiles: the message names a few (`profiles` keeps them all).
      message: `Infinite loop in credential configuration detected. Attempting to load from profile ${name} which has already been visited. Visited profiles: ${boundedList([...visited, name])}`,
      source: SOURCE,
      profile: name,
      profiles: [...visited, name],
    });
  }
  const path = [...visited, name];
  if (hasStaticKeys(profile) || !usesAssumeRole(profile)) {
    // The source profile's own providers, env never among them (botocore: disable_env_vars).
    const own = chain(...profileLinks(session, name, true));
    return async (options) => {
      try {
        return await own(options);
      } catch (error) {
        if (!shouldTryNext(error) && !(CredchainError.isInstance(error) && error.code === "NoCredentials")) throw error;
        throw invalid(name, `The source profile "${name}" must have credentials.`);
      }
    };
  }
  return roleProvider(session, name, path);
}
