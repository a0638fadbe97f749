import { type CredentialProvider, type Credentials } from "@credchain/core";
import { selectProfile } from "@credchain/core/internal";
import { getScopedProfile, loadSharedConfig, profileSettings } from "@credchain/provider-ini";
import { createStsClient, type GetSessionTokenParams, type StsClient } from "@credchain/provider-sts";
import { cliLogger } from "./cli-logger.js";
import type { CliIo } from "./io.js";

/** An STS client for the selected profile's region and endpoint settings (under env), signing with `credentials`. */
export async function stsForCli(io: CliIo, profileOption: string | undefined, credentials: CredentialProvider): Promise<StsClient> {
  const config = await loadSharedConfig({ env: io.env });
  const selected = selectProfile({ profile: profileOption, env: io.env });
  getScopedProfile(config, selected);
  return createStsClient({ env: io.env, credentials, profileSettings: profileSettings(config, selected.name), logger: cliLogger(io) });
}

/**
 * A session from STS GetSessionToken, signed with `credentials` (long-term keys of an IAM user):
 * what `credchain session-token` prints and `credchain serve` hands out instead of the keys.
 */
export async function getSessionToken(
  io: CliIo,
  profileOption: string | undefined,
  credentials: CredentialProvider,
  params: GetSessionTokenParams,
): Promise<Credentials> {
  const sts = await stsForCli(io, profileOption, credentials);
  return (await sts.getSessionToken(params)).credentials;
}
