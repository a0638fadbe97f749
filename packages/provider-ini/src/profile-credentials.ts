import { createCredentials, notFound, type CredentialProvider, type CredentialSource } from "@credchain/core/local";
import { resolveLocalContext, sectionKeyPair, sectionOrigin, sectionText, selectProfile, showName } from "@credchain/core/internal";
import type { SharedConfig } from "./load-shared-config.js";
import type { ProfileInit } from "./options.js";
import { staticKeysStep, type ProfileFile } from "./static-keys-step.js";

const ACCOUNT_ID = "aws_account_id";

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
    const step = staticKeysStep(file, kind, profileName);
    if (!step.keys) throw notFound(source, step.reason, step.lookedAt);
    const profile = file.profiles[profileName]!;
    const tokenKey = step.sessionTokenKey;
    const place = { source, file: file.path, fileLabel: `the ${kind} ${file.path}`, section: `profile "${showName(profileName)}"`, profile: profileName };
    const text = (key: string) => sectionText(profile, key, place);
    const { accessKeyId, secretAccessKey } = sectionKeyPair(profile, place);
    ctx.logger.debug(`${source}: credentials from profile "${showName(profileName)}" in ${file.path}`);
    return createCredentials(
      { accessKeyId, secretAccessKey, sessionToken: tokenKey && text(tokenKey), accountId: text(ACCOUNT_ID), source },
      { ...sectionOrigin(place), sessionToken: tokenKey, accountId: ACCOUNT_ID },
    );
  };
}
