import {
  CredchainError,
  createCredentials,
  exportCredentials,
  notFound,
  resolveContext,
  type CredentialProvider,
  type Credentials,
  type ProviderContextInit,
} from "@credchain/core";
import { extendExpiration, DEFAULT_IMDS_REFRESH_WINDOW_MS } from "./extend-expiration.js";
import { fetchToken, getWithRetries, IMDS_TOKEN_EXPIRY_MARGIN_MS, type ImdsRequester } from "./imds-client.js";
import {
  AWS_EC2_METADATA_SERVICE_ENDPOINT,
  AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE,
  AWS_IMDS_USE_IPV6,
} from "./resolve-imds-endpoint.js";
import {
  resolveImdsSettings,
  AWS_EC2_INSTANCE_PROFILE_NAME,
  AWS_EC2_METADATA_DISABLED,
  AWS_EC2_METADATA_V1_DISABLED,
  AWS_METADATA_SERVICE_NUM_ATTEMPTS,
  AWS_METADATA_SERVICE_TIMEOUT,
  type ImdsSettings,
  type ImdsSettingsOptions,
} from "./resolve-imds-settings.js";

/** The role listing; `<path><role>` is the role's credentials. */
export const IMDS_CREDENTIALS_PATH = "latest/meta-data/iam/security-credentials/";
const PATH = IMDS_CREDENTIALS_PATH;
/** As {@link IMDS_CREDENTIALS_PATH} with `AccountId`; 404 on IMDS that lacks it. */
export const IMDS_EXTENDED_CREDENTIALS_PATH = "latest/meta-data/iam/security-credentials-extended/";
const EXTENDED_PATH = IMDS_EXTENDED_CREDENTIALS_PATH;
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

const SOURCE = "iam-role";
const ENV_VARS = [
  AWS_EC2_METADATA_DISABLED,
  AWS_EC2_METADATA_SERVICE_ENDPOINT,
  AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE,
  AWS_IMDS_USE_IPV6,
  AWS_METADATA_SERVICE_TIMEOUT,
  AWS_METADATA_SERVICE_NUM_ATTEMPTS,
  AWS_EC2_METADATA_V1_DISABLED,
  AWS_EC2_INSTANCE_PROFILE_NAME,
];
const REQUIRED = ["AccessKeyId", "SecretAccessKey", "Token", "Expiration"] as const;

/** A retrieval that found nothing: why, and the error to throw instead of "not here", if any. */
type Miss = { reason: string; error?: CredchainError | undefined };

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
  const ctx = resolveContext(init);
  const { logger, now } = ctx;
  const negativeCacheMs = init.negativeCacheMs ?? DEFAULT_IMDS_NEGATIVE_CACHE_MS;
  // What this provider remembers between calls (never shared between providers).
  let token: { base: string; token: string; expiresAt: number } | undefined;
  /** Endpoints whose extended path answered 404 while the legacy path worked. */
  const legacyOnly = new Set<string>();
  const unreachableUntil = new Map<string, number>();
  let last: Credentials | undefined;

  /** Static stability: credentials whose expiration is near are served with it pushed out. */
  const hold = (c: Credentials, what: string): Credentials => {
    const extended = extendExpiration({ expiration: c.expiration!, now: now(), refreshWindowMs: init.refreshWindowMs ?? DEFAULT_IMDS_REFRESH_WINDOW_MS, random: init.random ?? Math.random });
    const text = `iam-role: ${what}, expiring ${c.expiration!.toISOString()}`;
    if (!extended) logger.debug(text);
    else logger.warn(`${text}; serving them until ${extended.toISOString()} (static stability, as botocore)`);
    return (last = extended ? createCredentials({ ...exportCredentials(c), expiration: extended }) : c);
  };
  const held = (why: string) => hold(last!, `${why}; serving the credentials held`);

  /** One retrieval; a cached token IMDS no longer knows (401) is forgotten and the retrieval starts over once. */
  const retrieve = async (r: ImdsRequester & ImdsSettings, mayRenew = true): Promise<Credentials | Miss> => {
    const { base } = r;
    const cached = token?.base === base && now() < token.expiresAt;
    let t = cached ? token!.token : undefined;
    if (!cached) {
      const fetchedAt = now();
      const outcome = await fetchToken(r);
      t = outcome.token;
      if (t !== undefined) token = { base, token: t, expiresAt: fetchedAt + outcome.ttlSeconds! * 1000 - IMDS_TOKEN_EXPIRY_MARGIN_MS };
      else if (outcome.bad) return outcome as Miss;
      else if (r.v1Disabled) return { reason: outcome.reason!, error: v1DisabledError(outcome.reason!) };
      else logger.debug(`iam-role: ${outcome.reason}; trying IMDSv1 (no token), as botocore does`);
    }
    const renew = (miss: Miss & { status?: number | undefined }) => {
      if (!(cached && mayRenew && miss.status === 401)) return miss;
      logger.debug("iam-role: the cached IMDSv2 token was refused (401); fetching a new one");
      token = undefined;
      r.answered = false;
      return retrieve(r, false);
    };

    let role = r.instanceProfileName;

    if (role === undefined) {
      const listing = await getWithRetries(r, PATH, t, false);
      if (!listing.response) return renew(listing.status === 404 ? { ...listing, reason: `no instance role is attached (${listing.reason})` } : listing);
      role = listing.response.body.split(/\r?\n/)[0]!.trim();
      if (role === "") return { reason: "the role listing is empty: no instance role is attached" };
    }

    const legacy = PATH + role;
    let path = legacyOnly.has(base) ? legacy : EXTENDED_PATH + role;
    let answer = await getWithRetries(r, path, t, true, path !== legacy);
    if (answer.response?.status === 404) {
      logger.debug(`iam-role: /${path} answered 404; using the legacy path /${legacy}`);
      answer = await getWithRetries(r, (path = legacy), t, true);
      if (answer.response) legacyOnly.add(base);
    }
    if (!answer.response) return renew(answer);
    return toCredentials(answer.response.body, `${base.replace(/\/$/, "")}/${path}`, path !== legacy);
  };

  return async (callOptions) => {
    const settings = resolveImdsSettings(ctx.env, init);
    const base = settings.endpoint.url;
    const miss = (reason: string, note = reason) => notFound(SOURCE, reason, { envVars: ENV_VARS, note });
    if (settings.disabled) throw miss(`${AWS_EC2_METADATA_DISABLED} is true`);

    if (now() < (unreachableUntil.get(base) ?? 0)) {
      const why = `${base} did not answer recently`;
      if (last) return held(why);
      if (settings.v1Disabled) throw v1DisabledError(why);
      const note = "IMDS unreachable (cached)";
      throw miss(`${note}: ${base} answered nothing within the last ${negativeCacheMs} ms`, note);
    }

    const r: ImdsRequester & ImdsSettings = { ...settings, base, transport: ctx.transport, logger, signal: callOptions?.signal };
    let outcome;
    try {
      outcome = await retrieve(r);
    } catch (error) {
      if (!callOptions?.signal?.aborted && last && CredchainError.isInstance(error)) return held(error.message);
      throw error;
    }
    if (!("reason" in outcome)) {
      unreachableUntil.delete(base);
      return hold(outcome, `credentials from ${base}`);
    }
    if (!r.answered && negativeCacheMs > 0) unreachableUntil.set(base, now() + negativeCacheMs);
    if (last) return held(outcome.reason);
    throw outcome.error ?? miss(`No credentials from EC2 instance metadata at ${base}: ${outcome.reason}`, outcome.reason);
  };
}

/** The credentials document, or why it is none (botocore returns nothing, or fails: `error`). */
function toCredentials(body: string, url: string, extended: boolean): Credentials | Miss {
  const doc = JSON.parse(body) as Record<string, unknown> | null;
  const what = `the answer from ${url}`;
  const fail = (reason: string, error?: boolean): Miss => ({
    reason,
    error: error ? new CredchainError({ code: "CredentialRetrieval", message: `Error when retrieving credentials from iam-role: ${reason}`, source: SOURCE }) : undefined,
  });
  const kind = doc === null ? "null" : Array.isArray(doc) ? "array" : typeof doc;
  // botocore tests `field in credentials` and fails with TypeError on null, numbers and booleans.
  if (kind !== "object") return fail(`${what} is JSON ${kind}, not an object`, kind !== "string" && kind !== "array");
  const fields = doc!;
  const missing = REQUIRED.filter((k) => !(k in fields));
  if (missing.length > 0) {
    // IMDS answers 200 with Code and Message when EC2 cannot assume the role; botocore returns nothing then.
    const code = typeof fields.Code === "string" ? ` (Code ${JSON.stringify(fields.Code)}${typeof fields.Message === "string" ? `: ${fields.Message}` : ""})` : "";
    return fail(`${what} has no ${missing.join(", ")}${code}`);
  }
  const wrong = REQUIRED.filter((k) => typeof fields[k] !== "string");
  if (wrong.length > 0) return fail(`${what} has ${wrong.join(", ")} that is not a string`);
  const expiration = new Date(fields.Expiration as string);
  if (isNaN(+expiration)) return fail(`${what} has an Expiration that is not a date`, true);
  return createCredentials({
    accessKeyId: fields.AccessKeyId as string,
    secretAccessKey: fields.SecretAccessKey as string,
    sessionToken: fields.Token as string,
    expiration,
    accountId: (extended && typeof fields.AccountId === "string" && fields.AccountId) || undefined,
    source: SOURCE,
  });
}

function v1DisabledError(reason: string): CredchainError {
  return new CredchainError({
    code: "MetadataRetrieval",
    message: `Error retrieving metadata: Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled (${reason})`,
    source: SOURCE,
    key: "ec2_metadata_v1_disabled",
  });
}
