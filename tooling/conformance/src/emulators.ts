import {
  startContainer,
  startImds,
  startSso,
  startSsoOidc,
  startSts,
  type ContainerEmulator,
  type ContainerOptions,
  type Fault,
  type ImdsEmulator,
  type ImdsOptions,
  type RequestRecord,
  type SsoEmulator,
  type SsoOidcEmulator,
  type SsoOidcOptions,
  type SsoOptions,
  type StsEmulator,
  type StsOptions,
} from "@credchain/emulator";
import { selfSignedCert } from "@credchain/test-utils";

/** Credentials an emulator serves; each field left out takes the runner's fixed default. */
export interface EmulatorCredentialsSpec {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /** ISO-8601; keep it far in the future so expected.json does not go stale. */
  expiration?: string;
  accountId?: string;
  roleArn?: string;
}

/** `startImds` options a scenario may set (no host, port or clock: the runner owns those). */
export type ImdsSpec = Pick<ImdsOptions, "roleName" | "allowV1" | "extended" | "region" | "accountId"> & {
  credentials?: EmulatorCredentialsSpec;
};

/** `startContainer` options a scenario may set. */
export type ContainerSpec = Pick<ContainerOptions, "path" | "authorizationToken" | "roleArn" | "accountId"> & {
  credentials?: EmulatorCredentialsSpec;
};

/**
 * `startSts` options a scenario may set: who may call (`users`, default the emulator's one user
 * `AKIAEMULATORUSER0001`), which roles exist (`roles`, default any well-formed ARN), the MFA code
 * and the web identity tokens accepted. No clock: the runner pins it (STS_CLOCK).
 */
export type StsSpec = Pick<
  StsOptions,
  "users" | "roles" | "mfaTokenCode" | "webIdentityTokens" | "expiredWebIdentityTokens" | "accountId"
>;

/**
 * `startSso` options a scenario may set: the access tokens the portal accepts (`{token: expiry or
 * null}`, default `{"emulator-sso-access-token": null}`) and the roles by account (default
 * `{"123456789012": ["credchain-emulator-role"]}`). No clock: the runner pins it (SSO_CLOCK).
 */
export type SsoSpec = Pick<SsoOptions, "accessTokens" | "roles" | "accountId" | "credentialLifetimeSeconds">;

/**
 * `startSsoOidc` options a scenario may set. The runner links it to the scenario's `sso` portal,
 * when there is one, so the access tokens it issues are accepted there.
 */
export type SsoOidcSpec = Pick<SsoOidcOptions, "clients" | "refreshTokens" | "accessTokenLifetimeSeconds" | "rotateRefreshTokens">;

/** The servers a scenario can start (and aim a fault at). */
export type EmulatorServer = "imds" | "container" | "sts" | "sso" | "ssoOidc";

/** One `fault(route, fault, { times })` call on one of the scenario's emulators (an STS route is an Action). */
export interface FaultSpec {
  server: EmulatorServer;
  route: string;
  fault: Fault;
  times?: number;
}

/** A scenario's `emulator` field: which endpoints to start on loopback, and how they misbehave. */
export interface EmulatorSpec {
  /**
   * Serve STS, the SSO portal and SSO-OIDC over HTTPS with a certificate made for the run, which
   * only `{{CA_BUNDLE}}` (its file) trusts: as behind a TLS-intercepting proxy. IMDS and the
   * container endpoint stay plain http (neither side's fetchers there read a CA bundle).
   */
  tls?: true;
  imds?: ImdsSpec;
  container?: ContainerSpec;
  sts?: StsSpec;
  sso?: SsoSpec;
  ssoOidc?: SsoOidcSpec;
  faults?: FaultSpec[];
}

/**
 * The STS emulator's clock: pinned, so the n-th issued credentials expire at the same instant on
 * both sides and in every regeneration (3600 s → 2098-12-31T01:00:00Z), far enough ahead that
 * neither side refreshes them. Requests are still signed with the real time, so the emulator's
 * allowed clock skew is widened to cover the gap (signatures are still checked).
 */
export const STS_CLOCK = Date.parse("2098-12-31T00:00:00Z");
const STS_SKEW_SECONDS = 100 * 365 * 24 * 3600;

/**
 * The SSO portal's and SSO-OIDC's clock, pinned like STS's: the n-th role credentials expire at
 * 2098-12-31T01:00:00Z on both sides (3600 s), and an access token SSO-OIDC issues at that instant
 * is accepted by the portal at the same instant. Cached tokens carry absolute dates (2099 valid,
 * 2000 expired), which both sides judge by the real clock.
 */
export const SSO_CLOCK = STS_CLOCK;

/**
 * The fixed credentials each emulator serves unless the scenario says otherwise: deterministic,
 * distinct per endpoint (so a precedence scenario shows who won), expiring in 2099 (so neither
 * side refreshes or extends them and expected.json never goes stale).
 */
export const DEFAULT_EMULATOR_CREDENTIALS = {
  imds: {
    accessKeyId: "ASIAIMDSCONFORMANCE1",
    secretAccessKey: "imdsConformanceSecretAccessKey/0000000001",
    sessionToken: "imdsConformanceSessionToken/0000000001",
    expiration: "2099-01-01T00:00:00Z",
  },
  container: {
    accessKeyId: "ASIACONTAINERCONFRM1",
    secretAccessKey: "containerConformanceSecretAccessKey/00001",
    sessionToken: "containerConformanceSessionToken/00001",
    expiration: "2099-01-01T00:00:00Z",
  },
} as const;

const IMDS_KEYS = new Set(["roleName", "allowV1", "extended", "region", "accountId", "credentials"]);
const CONTAINER_KEYS = new Set(["path", "authorizationToken", "roleArn", "accountId", "credentials"]);
const CREDENTIAL_KEYS = new Set(["accessKeyId", "secretAccessKey", "sessionToken", "expiration", "accountId", "roleArn"]);
const STS_KEYS = new Set(["users", "roles", "mfaTokenCode", "webIdentityTokens", "expiredWebIdentityTokens", "accountId"]);
const SSO_KEYS = new Set(["accessTokens", "roles", "accountId", "credentialLifetimeSeconds"]);
const SSO_OIDC_KEYS = new Set(["clients", "refreshTokens", "accessTokenLifetimeSeconds", "rotateRefreshTokens"]);
const FAULT_KEYS = new Set(["server", "route", "fault", "times"]);

const SERVERS = new Set<string>(["imds", "container", "sts", "sso", "ssoOidc"]);

/** Throws a readable error for an `emulator` field the runner would misread (unknown keys, a fault on a server not started). */
export function validateEmulatorSpec(spec: EmulatorSpec, where: string): void {
  const unknown = (obj: object, allowed: Set<string>, at: string) => {
    const extra = Object.keys(obj).filter((k) => !allowed.has(k));
    if (extra.length > 0) throw new Error(`${where}: unknown key(s) ${extra.join(", ")} in ${at}`);
  };
  unknown(spec, new Set(["tls", "imds", "container", "sts", "sso", "ssoOidc", "faults"]), "emulator");
  if (spec.tls !== undefined && spec.tls !== true) throw new Error(`${where}: emulator.tls must be true`);
  if (spec.sts !== undefined) unknown(spec.sts, STS_KEYS, "emulator.sts");
  if (spec.sso !== undefined) unknown(spec.sso, SSO_KEYS, "emulator.sso");
  if (spec.ssoOidc !== undefined) unknown(spec.ssoOidc, SSO_OIDC_KEYS, "emulator.ssoOidc");
  if (spec.imds !== undefined) {
    unknown(spec.imds, IMDS_KEYS, "emulator.imds");
    if (spec.imds.credentials !== undefined) unknown(spec.imds.credentials, CREDENTIAL_KEYS, "emulator.imds.credentials");
  }
  if (spec.container !== undefined) {
    unknown(spec.container, CONTAINER_KEYS, "emulator.container");
    if (spec.container.credentials !== undefined) {
      unknown(spec.container.credentials, CREDENTIAL_KEYS, "emulator.container.credentials");
    }
  }
  for (const [i, f] of (spec.faults ?? []).entries()) {
    unknown(f, FAULT_KEYS, `emulator.faults[${i}]`);
    if (!SERVERS.has(f.server) || spec[f.server] === undefined) {
      throw new Error(`${where}: emulator.faults[${i}] is for "${String(f.server)}", which the scenario does not start`);
    }
    if (typeof f.route !== "string" || f.fault === undefined) {
      throw new Error(`${where}: emulator.faults[${i}] needs a "route" and a "fault"`);
    }
  }
}

/** One request to the SSO portal (`sso`) or SSO-OIDC (`sso-oidc`), as the emulator answered it. */
export interface SsoRequest {
  service: "sso" | "sso-oidc";
  record: RequestRecord;
}

/** The emulators of one scenario run, and the placeholder values they define. */
export interface RunningEmulators {
  imds?: ImdsEmulator;
  container?: ContainerEmulator;
  sts?: StsEmulator;
  sso?: SsoEmulator;
  ssoOidc?: SsoOidcEmulator;
  /**
   * Every request the SSO portal and SSO-OIDC answered, in the order they were answered (the
   * record has no headers: the bearer token never gets here).
   */
  ssoRequests: SsoRequest[];
  /** `IMDS_URL`, `CONTAINER_URL`, `CONTAINER_TOKEN`, `STS_URL`, `SSO_URL`, `SSO_OIDC_URL`, for whichever is running; `CA_BUNDLE` with `tls`. */
  placeholders: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts a scenario's emulators on 127.0.0.1 (fresh ones for every run, so request counts and
 * tokens never leak between botocore's run and credchain's), serves the fixed credentials and
 * arms the faults. Without a spec it starts nothing.
 *
 * @example
 * ```ts
 * const emulators = await startScenarioEmulators({ imds: { allowV1: false } }, "201-imds-v2");
 * emulators.placeholders.IMDS_URL; // "http://127.0.0.1:41233"
 * await emulators.close();
 * ```
 */
export async function startScenarioEmulators(spec: EmulatorSpec | undefined, where: string): Promise<RunningEmulators> {
  const running: RunningEmulators = { placeholders: {}, ssoRequests: [], close: async () => {} };
  if (spec === undefined) return running;
  validateEmulatorSpec(spec, where);
  const closers: Array<() => Promise<void>> = [];
  running.close = async () => {
    await Promise.allSettled(closers.map((close) => close()));
  };
  try {
    // One certificate per run, as each run has its own servers; its file is the run's {{CA_BUNDLE}}.
    const tls = spec.tls ? selfSignedCert(["localhost", "IP:127.0.0.1"]) : undefined;
    if (tls) {
      closers.push(async () => tls.remove());
      running.placeholders.CA_BUNDLE = tls.certFile;
    }
    if (spec.imds !== undefined) {
      const { credentials, ...options } = spec.imds;
      // botocore 1.43 never reads the extended path: an AccountId there is a credchain-only answer.
      const imds = await startImds({ accountId: null, ...options, host: "127.0.0.1", port: 0 });
      closers.push(() => imds.close());
      imds.setCredentials({ ...DEFAULT_EMULATOR_CREDENTIALS.imds, ...credentials });
      running.imds = imds;
      running.placeholders.IMDS_URL = imds.url;
    }
    if (spec.container !== undefined) {
      const { credentials, ...options } = spec.container;
      const container = await startContainer({ ...options, host: "127.0.0.1", port: 0 });
      closers.push(() => container.close());
      container.setCredentials({ ...DEFAULT_EMULATOR_CREDENTIALS.container, ...credentials });
      running.container = container;
      running.placeholders.CONTAINER_URL = container.fullUri;
      if (options.authorizationToken !== undefined) running.placeholders.CONTAINER_TOKEN = options.authorizationToken;
    }
    if (spec.sts !== undefined) {
      const sts = await startSts({
        ...spec.sts,
        ...(tls && { tls }),
        host: "127.0.0.1",
        port: 0,
        now: () => STS_CLOCK,
        maxClockSkewSeconds: STS_SKEW_SECONDS,
      });
      closers.push(() => sts.close());
      running.sts = sts;
      running.placeholders.STS_URL = sts.url;
    }
    if (spec.sso !== undefined) {
      const sso = await startSso({
        ...spec.sso,
        ...(tls && { tls }),
        host: "127.0.0.1",
        port: 0,
        now: () => SSO_CLOCK,
        onRequest: (record) => running.ssoRequests.push({ service: "sso", record }),
      });
      closers.push(() => sso.close());
      running.sso = sso;
      running.placeholders.SSO_URL = sso.url;
    }
    if (spec.ssoOidc !== undefined) {
      const oidc = await startSsoOidc({
        ...spec.ssoOidc,
        ...(tls && { tls }),
        ...(running.sso !== undefined && { portal: running.sso }),
        host: "127.0.0.1",
        port: 0,
        now: () => SSO_CLOCK,
        onRequest: (record) => running.ssoRequests.push({ service: "sso-oidc", record }),
      });
      closers.push(() => oidc.close());
      running.ssoOidc = oidc;
      running.placeholders.SSO_OIDC_URL = oidc.url;
    }
    for (const f of spec.faults ?? []) {
      const server = running[f.server] as ImdsEmulator | ContainerEmulator | StsEmulator | SsoEmulator | SsoOidcEmulator;
      server.fault(f.route, f.fault, f.times === undefined ? {} : { times: f.times });
    }
  } catch (error) {
    await running.close();
    throw error;
  }
  return running;
}
