import { CredchainError, createCredentials, exportCredentials, notFound, quoteUntrusted, type CredentialProvider, type Credentials, type ProviderContextInit } from "@credchain/core/local";
import { EC2_METADATA_V1_DISABLED, settingEnv } from "@credchain/core/internal";
import { documentCredentials, resolveDirectContext, retrievalError } from "@credchain/core/http";
import { extendExpiration, DEFAULT_IMDS_REFRESH_WINDOW_MS } from "./extend-expiration.js";
import { fetchToken, getWithRetries, IMDS_TOKEN_EXPIRY_MARGIN_MS, SOURCE, type ImdsRequester, type Miss } from "./imds-client.js";
import { AWS_EC2_METADATA_DISABLED, IMDS_SETTINGS, resolveImdsSettings, type ImdsSettingsOptions } from "./resolve-imds-settings.js";

/** The role listing; `<path><role>` is the role's credentials. */
export const IMDS_CREDENTIALS_PATH = "latest/meta-data/iam/security-credentials/";
/** As {@link IMDS_CREDENTIALS_PATH} with `AccountId`; 404 on IMDS that lacks it. */
export const IMDS_EXTENDED_CREDENTIALS_PATH = "latest/meta-data/iam/security-credentials-extended/";
/** How long an endpoint that did not answer at all is skipped. */
export const DEFAULT_IMDS_NEGATIVE_CACHE_MS = 60_000;

export interface InstanceMetadataInit extends ProviderContextInit, ImdsSettingsOptions {
  /**
   * After a retrieval in which the endpoint answered nothing (timeouts, refused connections),
   * skip it for this long: repeated resolutions off EC2 pay the timeout once. 0 turns it off.
   * Default: 60000.
   */
  negativeCacheMs?: number;
  /**
   * Static stability: credentials expiring within this window plus 120–600 s of jitter (or
   * already expired) are served with their expiration moved to now + window + jitter, with a
   * warning. botocore's `ec2_credential_refresh_window`. Default: 900000 (15 min).
   */
  refreshWindowMs?: number;
  /** A number in [0, 1) for the jitter. Default: `Math.random`. */
  random?: () => number;
}

// What explain lists as looked at: every setting's env var, from core's settings table.
const ENV_VARS = [AWS_EC2_METADATA_DISABLED, ...IMDS_SETTINGS.flatMap(settingEnv)];

/**
 * Credentials of the EC2 instance role from the instance metadata service, as botocore's
 * InstanceMetadataProvider: an IMDSv2 token (PUT, TTL 21600, cached here for its TTL), the role
 * from the listing (or AWS_EC2_INSTANCE_PROFILE_NAME), then its credentials — from the extended
 * path with AccountId, else the legacy path. IMDSv1 only where botocore falls back, never with
 * `ec2_metadata_v1_disabled`.
 *
 * Nothing found (IMDS disabled, unreachable, no role, an incomplete answer): `notFound`. IMDSv1
 * needed but disabled: `MetadataRetrieval`. A bad mode, endpoint or number: `InvalidConfig`.
 * Credentials that are expired or about to be, or a failed call while earlier credentials are
 * held, are served with the expiration extended (static stability) and a warning.
 *
 * @example
 * ```ts
 * import { fromInstanceMetadata } from "@credchain/provider-imds";
 *
 * const provider = fromInstanceMetadata({ timeoutMs: 2000, maxAttempts: 2 });
 * const { accessKeyId, expiration } = await provider();
 * ```
 */
export function fromInstanceMetadata(init: InstanceMetadataInit = {}): CredentialProvider {
  const ctx = resolveDirectContext(init);
  const { logger, now } = ctx;
  const negativeCacheMs = init.negativeCacheMs ?? DEFAULT_IMDS_NEGATIVE_CACHE_MS;
  // What this provider remembers between calls (never shared between providers).
  let token: [base: string, token: string, expiresAt: number] | undefined;
  /** Endpoints whose extended path answered 404 while the legacy path worked. */
  const legacyOnly = new Set<string>();
  const unreachableUntil = new Map<string, number>();
  let last: Credentials | undefined;

  /** Static stability: credentials whose expiration is near are served with it pushed out. */
  const hold = (c: Credentials, what: string): Credentials => {
    const extended = extendExpiration(c.expiration!, now(), init.refreshWindowMs ?? DEFAULT_IMDS_REFRESH_WINDOW_MS, init.random ?? Math.random);
    const text = `${SOURCE}: ${what}, expiring ${c.expiration!.toISOString()}`;
    if (extended) logger.warn(`${text}; serving them until ${extended.toISOString()} (static stability)`);
    else logger.debug(text);
    return (last = extended ? createCredentials({ ...exportCredentials(c), expiration: extended }) : c);
  };

  /** One retrieval; a cached token IMDS no longer knows (401) is forgotten and the retrieval starts over once. */
  const retrieve = async (r: ImdsRequester, v1Disabled: boolean, role: string | undefined, mayRenew = true): Promise<Credentials | Miss> => {
    const { base } = r;
    const cached = token?.[0] === base && now() < token[2];
    let t = cached ? token![1] : undefined;
    if (!cached) {
      const fetchedAt = now();
      const got = await fetchToken(r);
      if (Array.isArray(got)) token = [base, (t = got[0]), fetchedAt + got[1] * 1000 - IMDS_TOKEN_EXPIRY_MARGIN_MS];
      else if (got.bad) return got;
      else if (v1Disabled) return { reason: got.reason, error: v1DisabledError(got.reason) };
      else logger.debug(`${SOURCE}: ${got.reason}; trying IMDSv1`);
    }
    const renew = (miss: Miss) => {
      if (!(cached && mayRenew && miss.status == 401)) return miss;
      token = undefined;
      r.answered = false;
      return retrieve(r, v1Disabled, role, false);
    };

    if (role === undefined) {
      const listing = await getWithRetries(r, IMDS_CREDENTIALS_PATH, t, false);
      if (!("body" in listing)) return renew(listing.status == 404 ? { ...listing, reason: `no instance role is attached (${listing.reason})` } : listing);
      role = (listing.body as string).split(/\r?\n/)[0]!.trim();
      if (!role) return { reason: "the role listing is empty" };
    }

    const legacy = IMDS_CREDENTIALS_PATH + role;
    let path = legacyOnly.has(base) ? legacy : IMDS_EXTENDED_CREDENTIALS_PATH + role;
    let answer = await getWithRetries(r, path, t, true, path != legacy);
    if ("body" in answer && answer.body === undefined) {
      // No extended path on this IMDS (404): the legacy one, without AccountId, from now on.
      answer = await getWithRetries(r, (path = legacy), t, true);
      if ("body" in answer) legacyOnly.add(base);
    }
    if (!("body" in answer)) return renew(answer);
    const c = documentCredentials(answer.body, SOURCE, path != legacy, `the answer from /${path}`);
    if (!Array.isArray(c)) return c;
    const reason = `the answer from /${quoteUntrusted(path)} ${c[0]}`;
    return { reason, error: c[1] ? retrievalError(SOURCE, reason) : undefined };
  };

  return async (callOptions) => {
    const settings = resolveImdsSettings(ctx.env, init);
    const base = settings.endpoint.url;
    const miss = (reason: string, note = reason) => notFound(SOURCE, reason, { envVars: ENV_VARS, note });
    if (settings.disabled) throw miss(`${AWS_EC2_METADATA_DISABLED} is true`);
    const held = (why: string) => hold(last!, `${why}; serving the credentials held`);

    let outcome: Credentials | Miss;
    if (now() < (unreachableUntil.get(base) ?? 0)) {
      outcome = { reason: "IMDS unreachable (cached)" };
      if (settings.v1Disabled) outcome.error = v1DisabledError(outcome.reason);
    } else {
      const { timeoutMs, maxAttempts } = settings;
      const r: ImdsRequester = { base, timeoutMs, maxAttempts, transport: ctx.transport, logger, signal: callOptions?.signal };
      try {
        outcome = await retrieve(r, settings.v1Disabled, settings.instanceProfileName);
      } catch (error) {
        if (!callOptions?.signal?.aborted && last && CredchainError.isInstance(error)) return held(error.message);
        throw error;
      }
      if (!("reason" in outcome)) {
        unreachableUntil.delete(base);
        return hold(outcome, `credentials from ${base}`);
      }
      if (!r.answered && negativeCacheMs > 0) unreachableUntil.set(base, now() + negativeCacheMs);
    }
    if (last) return held(outcome.reason);
    throw outcome.error ?? miss(`No credentials from EC2 instance metadata at ${base}: ${outcome.reason}`, outcome.reason);
  };
}

function v1DisabledError(reason: string): CredchainError {
  return new CredchainError({
    code: "MetadataRetrieval",
    message: `Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled (${reason})`,
    source: SOURCE,
    key: EC2_METADATA_V1_DISABLED.key,
  });
}
