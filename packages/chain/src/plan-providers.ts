import { join } from "node:path";
import { notFound, shouldTryNext, type CredentialProvider, type CredentialSource, type LookedAt } from "@credchain/core/local";
import { showName } from "@credchain/core/internal";
import {
  credentialSourceFoundNothing,
  fromConfigFile,
  fromSharedCredentialsFile,
  type AssumeRolePlan,
  type CredentialPlan,
  type CredentialSourcePlan,
} from "@credchain/provider-ini/plan";
import { withRefresh } from "@credchain/refresh-manager";
import { credentialSourceProvider } from "./credential-source.js";
import { lazy } from "./lazy.js";
import { link, type ChainLink } from "./link.js";
import { PROFILE_METHODS } from "./default-chain.js";
import type { Session } from "./session.js";

// Loaded when a role profile is first reached (named once, so a bundle names the chunk once).
const loadSts = () => import("./load-sts.js");

const skip = (method: CredentialSource, reason: string, lookedAt?: LookedAt): CredentialProvider => async () => {
  throw notFound(method, reason, lookedAt);
};

/**
 * The default chain's links for the selected profile's plan: each provider the plan skipped
 * says why, the one that decides runs the plan, the ones after it are never reached.
 */
export function profileLinks(plan: CredentialPlan, session: Session): ChainLink[] {
  return PROFILE_METHODS.map((method) => {
    const skipped = plan.skipped.find((s) => s.method === method);
    if (skipped) return link(method, skip(method, skipped.reason, skipped.lookedAt));
    if (plan.kind !== "none" && plan.method === method) return link(method, planProvider(plan, session));
    return link(method, skip(method, `not reached: profile "${showName(plan.profile)}" is decided before it`));
  });
}

/**
 * The one place a plan becomes providers: each variant to its provider (loaded on first use),
 * an assume-role plan to one `fromAssumeRole` per role, each signed by the level below it
 * (cached per level with `withRefresh`, as botocore's refreshable credentials are; the role
 * file cache and MFA as configured), down to what signs the first role: a source profile's own
 * provider or a credential source. An invalid step anywhere fails the provider when it is called,
 * with the error botocore raises there.
 */
export function planProvider(plan: CredentialPlan | CredentialSourcePlan, session: Session): CredentialProvider {
  const { ctx, settings } = session;
  switch (plan.kind) {
    case "static":
      return (plan.method === "config-file" ? fromConfigFile : fromSharedCredentialsFile)({ ...ctx, profile: plan.profile, sharedConfig: session.config });
    case "web-identity":
      return lazy(async () => {
        const sts = await loadSts();
        // The plan decided each setting (env or profile, botocore's order): the provider reads no env var of its own,
        // except the token file when env named it, so its errors name that variable.
        const fromEnv = plan.tokenFileFrom === sts.AWS_WEB_IDENTITY_TOKEN_FILE;
        const { [sts.AWS_ROLE_ARN]: _a, [sts.AWS_ROLE_SESSION_NAME]: _s, [sts.AWS_WEB_IDENTITY_TOKEN_FILE]: tokenFile, ...env } = ctx.env;
        return sts.fromWebIdentity({
          ...ctx,
          env: fromEnv ? { ...env, [sts.AWS_WEB_IDENTITY_TOKEN_FILE]: tokenFile } : env,
          profileSettings: settings,
          ...session.roles.sts,
          webIdentityTokenFile: fromEnv ? undefined : plan.tokenFile,
          roleArn: plan.roleArn ?? "",
          roleSessionName: plan.roleSessionName,
        });
      });
    case "sso":
      // fromSso notes the token cache file and expiry on the credentials, for explain.
      return lazy(async () => (await import("./load-sso.js")).fromSso({ ...ctx, ...plan.config, profileSettings: settings }));
    case "login":
      return lazy(async () => (await import("./load-login.js")).fromLogin({ ...ctx, profile: plan.profile, loginSession: plan.loginSession, profileSettings: settings }));
    case "process":
      return lazy(async () =>
        (await import("./load-process.js")).fromProcess({ ...ctx, ...session.process, command: plan.command, profile: plan.profile, accountId: plan.accountId }),
      );
    case "credential-source":
      return namedSource(plan, session);
    case "assume-role":
      return roleChain(plan, session);
    case "invalid":
      return () => Promise.reject(plan.error);
    case "none":
      return skip("assume-role", plan.reason);
  }
}

/** The provider a credential source names, and botocore's CredentialRetrievalError when it has nothing. */
function namedSource(plan: CredentialSourcePlan, session: Session): CredentialProvider {
  const named = credentialSourceProvider(plan.name, { ...session.ctx, container: session.container, imds: session.imds, profile: plan.profile });
  return async (options) => {
    try {
      return await named(options);
    } catch (error) {
      if (!shouldTryNext(error)) throw error;
      throw credentialSourceFoundNothing(plan, error);
    }
  };
}

/** The roles of a chain, built bottom-up in a loop (a chain may be hundreds of roles long). */
function roleChain(top: AssumeRolePlan, session: Session): CredentialProvider {
  const levels: AssumeRolePlan[] = [];
  let base: AssumeRolePlan["source"] = top;
  for (; base.kind === "assume-role"; base = base.source) levels.push(base);
  // An invalid step anywhere: the chain fails before any provider runs, as botocore validates every level first.
  if (base.kind === "invalid") return planProvider(base, session);
  let source = planProvider(base, session);
  for (const level of levels.reverse()) source = assumeRole(level, source, session);
  return source;
}

function assumeRole(level: AssumeRolePlan, source: CredentialProvider, session: Session): CredentialProvider {
  const { ctx, roles } = session;
  const { mfaCode } = roles;
  const { profile, roleArn, roleSessionName, externalId, mfaSerial, durationSeconds } = level;
  return lazy(async () => {
    const { fromAssumeRole, roleCacheKey, withRoleFileCache } = await loadSts();
    const assume = fromAssumeRole({
      ...ctx,
      profileSettings: session.settings,
      ...roles.sts,
      // Each level caches its own credentials, as botocore's refreshable credentials do.
      sourceCredentials: withRefresh(source, { logger: ctx.logger, now: ctx.now }),
      profile,
      roleArn,
      roleSessionName,
      externalId,
      durationSeconds,
      mfaSerial,
      tokenCode: mfaSerial === undefined || !mfaCode ? undefined : () => mfaCode({ serialNumber: mfaSerial, profile }),
    });
    const cache = roles.roleCache;
    if (cache === undefined || cache === "memory") return assume;
    const key = roleCacheKey({ RoleArn: roleArn, RoleSessionName: roleSessionName, ExternalId: externalId, SerialNumber: mfaSerial, DurationSeconds: durationSeconds });
    const dir = cache === "file" ? join(ctx.homedir, ".aws", "cli", "cache") : cache.dir;
    return withRoleFileCache(assume, { dir, key, now: ctx.now, logger: ctx.logger, readFile: ctx.readFile });
  });
}
