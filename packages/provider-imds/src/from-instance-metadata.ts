import {
  CredchainError,
  createCredentials,
  notFound,
  resolveContext,
  type CredentialProvider,
  type Credentials,
  type LookedAt,
  type ProviderContext,
  type ProviderContextInit,
} from "@credchain/core";
import { extendExpiration, DEFAULT_IMDS_REFRESH_WINDOW_MS } from "./extend-expiration.js";
import {
  fetchToken,
  getWithRetries,
  needsRetry,
  needsRetryForCredentials,
  IMDS_TOKEN_EXPIRY_MARGIN_MS,
  type ImdsRequester,
  type TokenOutcome,
} from "./imds-client.js";
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

const SOURCE = "iam-role";
const RETRIEVAL = "Error when retrieving credentials from iam-role: ";
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

/** What one provider remembers between calls (never shared between providers). */
interface State {
  token?: { base: string; token: string; expiresAt: number };
  /** Endpoints whose extended path answered 404 while the legacy path worked. */
  legacyOnly: Set<string>;
  unreachableUntil: Map<string, number>;
  last?: Credentials;
}

type Outcome = { ok: true; credentials: Credentials } | { ok: false; reason: string; unreachable: boolean; error?: CredchainError };

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
  const negativeCacheMs = init.negativeCacheMs ?? DEFAULT_IMDS_NEGATIVE_CACHE_MS;
  const refreshWindowMs = init.refreshWindowMs ?? DEFAULT_IMDS_REFRESH_WINDOW_MS;
  const random = init.random ?? Math.random;
  const state: State = { legacyOnly: new Set(), unreachableUntil: new Map() };

  /** Static stability: the held credentials, their expiration pushed out when it is near. */
  const serveLast = (last: Credentials, why: string): Credentials => {
    const extended = extendExpiration({ expiration: last.expiration!, now: ctx.now(), refreshWindowMs, random });
    if (extended === undefined) {
      ctx.logger.debug(`iam-role: ${why}; serving the credentials already held (expiring ${last.expiration!.toISOString()})`);
      return last;
    }
    ctx.logger.warn(
      `iam-role: ${why}; serving the last credentials with their expiration extended to ${extended.toISOString()} (static stability)`,
    );
    state.last = withExpiration(last, extended);
    return state.last;
  };

  return async (callOptions) => {
    const settings = resolveImdsSettings(ctx.env, init);
    const base = settings.endpoint.url;
    const lookedAt = (note: string): LookedAt => ({ envVars: ENV_VARS, note });
    if (settings.disabled) {
      throw notFound(SOURCE, `${AWS_EC2_METADATA_DISABLED} is true`, lookedAt(`${AWS_EC2_METADATA_DISABLED} is true`));
    }

    const until = state.unreachableUntil.get(base);
    if (until !== undefined && ctx.now() < until) {
      const note = "IMDS unreachable (cached)";
      if (state.last) return serveLast(state.last, `${base} did not answer recently`);
      if (settings.v1Disabled) throw v1DisabledError(`${base} did not answer recently`);
      throw notFound(SOURCE, `${note}: ${base} answered nothing within the last ${negativeCacheMs} ms`, lookedAt(note));
    }

    let outcome: Outcome;
    try {
      outcome = await retrieve(ctx, state, settings, callOptions?.signal, true);
    } catch (error) {
      const aborted = callOptions?.signal?.aborted === true;
      if (!aborted && state.last && CredchainError.isInstance(error)) return serveLast(state.last, error.message);
      throw error;
    }
    if (outcome.ok) {
      state.unreachableUntil.delete(base);
      const { credentials } = outcome;
      const extended = extendExpiration({ expiration: credentials.expiration!, now: ctx.now(), refreshWindowMs, random });
      if (extended === undefined) {
        ctx.logger.debug(`iam-role: credentials from ${base}, expiring ${credentials.expiration!.toISOString()}`);
        state.last = credentials;
      } else {
        ctx.logger.warn(
          `iam-role: the credentials from ${base} expire at ${credentials.expiration!.toISOString()}; serving them until ${extended.toISOString()} (static stability, as botocore)`,
        );
        state.last = withExpiration(credentials, extended);
      }
      return state.last;
    }

    if (outcome.unreachable && negativeCacheMs > 0) state.unreachableUntil.set(base, ctx.now() + negativeCacheMs);
    if (state.last) return serveLast(state.last, outcome.reason);
    throw outcome.error ?? notFound(SOURCE, `No credentials from EC2 instance metadata at ${base}: ${outcome.reason}`, lookedAt(outcome.reason));
  };
}

async function retrieve(
  ctx: ProviderContext,
  state: State,
  settings: ImdsSettings,
  signal: AbortSignal | undefined,
  mayRenewToken: boolean,
): Promise<Outcome> {
  const base = settings.endpoint.url;
  const r: ImdsRequester = {
    base,
    timeoutMs: settings.timeoutMs,
    maxAttempts: settings.maxAttempts,
    transport: ctx.transport,
    logger: ctx.logger,
    signal,
    answered: false,
  };
  const fail = (reason: string, error?: CredchainError): Outcome => ({ ok: false, reason, unreachable: !r.answered, ...(error && { error }) });

  let cached = false;
  let tokenOutcome: TokenOutcome;
  if (state.token && state.token.base === base && ctx.now() < state.token.expiresAt) {
    cached = true;
    tokenOutcome = { kind: "token", token: state.token.token, ttlSeconds: 0 };
  } else {
    const fetchedAt = ctx.now();
    tokenOutcome = await fetchToken(r);
    if (tokenOutcome.kind === "token") {
      state.token = { base, token: tokenOutcome.token, expiresAt: fetchedAt + tokenOutcome.ttlSeconds * 1000 - IMDS_TOKEN_EXPIRY_MARGIN_MS };
    }
  }
  if (tokenOutcome.kind === "bad-request") return fail(tokenOutcome.reason);
  const token = tokenOutcome.kind === "token" ? tokenOutcome.token : undefined;
  if (tokenOutcome.kind === "none") {
    if (settings.v1Disabled) return fail(tokenOutcome.reason, v1DisabledError(tokenOutcome.reason));
    ctx.logger.debug(`iam-role: ${tokenOutcome.reason}; trying IMDSv1 (no token), as botocore does`);
  }

  /** A cached token IMDS no longer knows (401): forget it and start over once. */
  const renew = async (): Promise<Outcome> => {
    ctx.logger.debug("iam-role: the cached IMDSv2 token was refused (401); fetching a new one");
    delete state.token;
    return retrieve(ctx, state, settings, signal, false);
  };
  const isStale = (status: number | undefined) => cached && mayRenewToken && status === 401;

  let role = settings.instanceProfileName;
  if (role === undefined) {
    const listing = await getWithRetries(r, IMDS_CREDENTIALS_PATH, token, needsRetry);
    if (!listing.ok) {
      if (isStale(listing.status)) return renew();
      return fail(listing.status === 404 ? `no instance role is attached (${listing.reason})` : listing.reason);
    }
    role = listing.response.body.split(/\r?\n/)[0]!.trim();
    if (role === "") return fail("the role listing is empty: no instance role is attached");
  }

  let path = IMDS_CREDENTIALS_PATH + role;
  let extended = !state.legacyOnly.has(base);
  let answer;
  if (extended) {
    const extendedPath = IMDS_EXTENDED_CREDENTIALS_PATH + role;
    answer = await getWithRetries(r, extendedPath, token, (res) => (res.status === 404 ? undefined : needsRetryForCredentials(res)));
    if (answer.ok && answer.response.status === 404) {
      ctx.logger.debug(`iam-role: /${extendedPath} answered 404; using the legacy path /${path}`);
      extended = false;
    } else {
      path = extendedPath;
    }
  }
  if (!extended) {
    answer = await getWithRetries(r, path, token, needsRetryForCredentials);
    if (answer.ok && !state.legacyOnly.has(base)) state.legacyOnly.add(base);
  }
  if (!answer!.ok) {
    if (isStale(answer!.status)) return renew();
    return fail(answer!.reason);
  }
  return toCredentials(answer!.response.body, `${base.replace(/\/$/, "")}/${path}`, extended);
}

function toCredentials(body: string, url: string, extended: boolean): Outcome {
  const doc = JSON.parse(body) as unknown;
  const notObject = (what: string): Outcome => ({ ok: false, unreachable: false, reason: `the answer from ${url} is ${what}, not an object` });
  // botocore tests `field in credentials` and fails with TypeError on these.
  if (doc === null || typeof doc === "number" || typeof doc === "boolean") {
    const reason = `the answer from ${url} is JSON ${doc === null ? "null" : typeof doc}, not an object`;
    return { ok: false, unreachable: false, reason, error: new CredchainError({ code: "CredentialRetrieval", message: RETRIEVAL + reason, source: SOURCE }) };
  }
  if (typeof doc !== "object") return notObject(`a JSON ${typeof doc}`);
  if (Array.isArray(doc)) return notObject("a JSON array");
  const fields = doc as Record<string, unknown>;
  const missing = REQUIRED.filter((k) => !(k in fields));
  if (missing.length > 0) {
    // IMDS answers 200 with Code and Message when EC2 cannot assume the role; botocore returns nothing then.
    const code = typeof fields.Code === "string" ? ` (Code ${JSON.stringify(fields.Code)}${typeof fields.Message === "string" ? `: ${fields.Message}` : ""})` : "";
    return { ok: false, unreachable: false, reason: `the answer from ${url} has no ${missing.join(", ")}${code}` };
  }
  const wrong = REQUIRED.filter((k) => typeof fields[k] !== "string");
  if (wrong.length > 0) return { ok: false, unreachable: false, reason: `the answer from ${url} has ${wrong.join(", ")} that is not a string` };
  const expiration = new Date(fields.Expiration as string);
  if (Number.isNaN(expiration.getTime())) {
    const reason = `the answer from ${url} has an Expiration that is not a date`;
    return { ok: false, unreachable: false, reason, error: new CredchainError({ code: "CredentialRetrieval", message: RETRIEVAL + reason, source: SOURCE }) };
  }
  const accountId = extended && typeof fields.AccountId === "string" && fields.AccountId !== "" ? fields.AccountId : undefined;
  return {
    ok: true,
    credentials: createCredentials({
      accessKeyId: fields.AccessKeyId as string,
      secretAccessKey: fields.SecretAccessKey as string,
      sessionToken: fields.Token as string,
      expiration,
      accountId,
      source: SOURCE,
    }),
  };
}

function v1DisabledError(reason: string): CredchainError {
  return new CredchainError({
    code: "MetadataRetrieval",
    message: `Error retrieving metadata: Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled (${reason})`,
    source: SOURCE,
    key: "ec2_metadata_v1_disabled",
  });
}

function withExpiration(c: Credentials, expiration: Date): Credentials {
  return createCredentials({
    accessKeyId: c.accessKeyId,
    secretAccessKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
    expiration,
    accountId: c.accountId,
    source: c.source,
  });
}
