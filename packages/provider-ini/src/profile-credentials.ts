import {
  createCredentials,
  notFound,
  resolveLocalContext,
  sectionKeyPair,
  sectionOrigin,
  sectionText,
  selectProfile,
  type CredentialProvider,
  type CredentialSource,
} from "@credchain/core";
import type { FileFacts, ProfileMap, SharedConfig } from "./load-shared-config.js";
import type { ProfileInit } from "./options.js";

const ACCESS_KEY = "aws_access_key_id";
const TOKENS = ["aws_security_token", "aws_session_token"] as const;
const ACCOUNT_ID = "aws_account_id";

interface ProfileFile extends FileFacts {
  profiles: ProfileMap;
}

/** What a file provider reads: which file and which map of profiles in it. */
export interface ProfileSourceSpec {
  source: CredentialSource;
  /** Human name of the file kind, for messages. */
  kind: string;
  /** The file within preloaded shared config. */
  pick: (config: SharedConfig) => ProfileFile;
  /** Reads just this file (botocore's providers read only their own file). */
  read: (init: ProfileInit) => Promise<ProfileFile>;
}

/**
 * botocore's SharedCredentialProvider / ConfigProvider: a profile with `aws_access_key_id`
 * gives credentials (an empty value counts, as a present key does in botocore); without it the
 * chain moves on; with it but without `aws_secret_access_key`: PartialCredentials.
 */
export function profileCredentialsProvider(init: ProfileInit, spec: ProfileSourceSpec): CredentialProvider {
  const ctx = resolveLocalContext(init);
  const { source, kind } = spec;
  return async () => {
    // botocore: `get_config_variable('profile') or 'default'`.
    const profileName = selectProfile({ profile: init.profile, env: ctx.env }).name || "default";
    const file = init.sharedConfig ? spec.pick(init.sharedConfig) : await spec.read({ ...init, ...ctx });
    const lookedAt = { files: [file.path], profile: profileName };
    if (!file.exists) throw notFound(source, `the ${kind} ${file.path} ${file.absentReason ?? "does not exist"}`, lookedAt);
    if (file.readError !== undefined) throw notFound(source, `the ${kind} ${file.path} cannot be read (${file.readError}), so it counts as empty`, lookedAt);
    if (!Object.hasOwn(file.profiles, profileName)) {
      throw notFound(source, `the ${kind} ${file.path} has no profile "${profileName}"`, lookedAt);
    }
    const profile = file.profiles[profileName] ?? {};
    if (!Object.hasOwn(profile, ACCESS_KEY)) {
      throw notFound(source, `profile "${profileName}" in the ${kind} ${file.path} has no ${ACCESS_KEY}`, lookedAt);
    }
    const place = { source, file: file.path, fileLabel: `the ${kind} ${file.path}`, section: `profile "${profileName}"`, profile: profileName };
    const text = (key: string) => sectionText(profile, key, place);
    const { accessKeyId, secretAccessKey } = sectionKeyPair(profile, place);
    const tokenKey = TOKENS.find((k) => Object.hasOwn(profile, k));
    ctx.logger.debug(`${source}: credentials from profile "${profileName}" in ${file.path}`);
    return createCredentials(
      { accessKeyId, secretAccessKey, sessionToken: tokenKey && text(tokenKey), accountId: text(ACCOUNT_ID), source },
      { ...sectionOrigin(place), sessionToken: tokenKey, accountId: ACCOUNT_ID },
    );
  };
}
