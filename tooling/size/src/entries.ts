import { fileURLToPath } from "node:url";
import type { SplitPart } from "./measure.js";

/** Where the committed entry files live: `tooling/size/entries/*.mjs`. */
export const ENTRIES_DIR = fileURLToPath(new URL("../entries/", import.meta.url));

/** One line of the table: a credchain bundle, its AWS SDK v3 counterpart, or both. */
export interface Row {
  label: string;
  /** Entry file name in `entries/` for credchain. */
  credchain?: string;
  /** Entry file name in `entries/` for the AWS SDK v3. */
  sdk?: string;
  /** What the SDK column bundles, for the table. */
  sdkNote?: string;
  /** Measure the credchain entry bundled with code splitting (ESM): the chunks loaded up front, or all of them. */
  split?: SplitPart;
  /**
   * Source files the credchain bundle must not contain (paths as in `Measurement.sources`): code
   * its entry never needs, kept out by the package's entry points and context. `pnpm size` and
   * the tests fail when one is bundled.
   */
  leavesOut?: string[];
}

/** Core's HTTP transport: providers that read only env, files or a child process never need it. */
export const TRANSPORT_SOURCE = "packages/core/src/transport.ts";
/** `aws login` sessions (DPoP, Sign-In): `@credchain/provider-sso/login`, never part of SSO alone. */
export const LOGIN_SOURCES = ["from-login", "read-login-token", "refresh-login-token", "login-cache", "dpop", "signin-endpoint"].map(
  (name) => `packages/provider-sso/src/${name}.ts`,
);

/**
 * What the default chain loads only when its walk reaches it (issue #15): STS, SSO, login, IMDS,
 * credential_process and the assume-role wiring; the profile's planning and its interpreter; and
 * core's HTTP (transports, endpoint helpers, partitions) and file writers (lock, atomic writes).
 * Not in the chunks loaded up front.
 */
export const LOADED_ON_DEMAND = [
  "packages/provider-sts/src/from-assume-role.ts",
  "packages/provider-sts/src/from-web-identity.ts",
  "packages/provider-sso/src/from-sso.ts",
  ...LOGIN_SOURCES,
  "packages/provider-imds/src/from-instance-metadata.ts",
  "packages/provider-process/src/from-process.ts",
  "packages/chain/src/role-file-cache.ts",
  "packages/chain/src/plan-providers.ts",
  ...["plan-profile", "plan-role-chain", "plan-profile-providers", "sso-config", "write-profile"].map((name) => `packages/provider-ini/src/${name}.ts`),
  TRANSPORT_SOURCE,
  ...["context", "http-transport", "http-exchange", "keep-alive-pool", "endpoint-credentials", "resolve-endpoint-url", "partitions", "with-file-lock", "write-file-atomic"].map(
    (name) => `packages/core/src/${name}.ts`,
  ),
];

/** Every bundle measured, in table order. The first three carry budgets (see budgets.ts). */
export const ROWS: Row[] = [
  { label: "env only", credchain: "credchain-env.mjs", sdk: "sdk-env.mjs", sdkNote: "@aws-sdk/credential-provider-env fromEnv", leavesOut: [TRANSPORT_SOURCE] },
  {
    label: "Lambda chain",
    credchain: "credchain-lambda.mjs",
    sdk: "sdk-lambda.mjs",
    sdkNote: "@aws-sdk/credential-providers createCredentialChain(fromEnv, fromContainerMetadata, fromInstanceMetadata)",
  },
  {
    label: "full default chain",
    credchain: "credchain-default-chain.mjs",
    sdk: "sdk-default-chain.mjs",
    sdkNote: "@aws-sdk/credential-provider-node defaultProvider",
  },
  {
    label: "full default chain, split: up front",
    credchain: "credchain-default-chain.mjs",
    split: "upFront",
    leavesOut: LOADED_ON_DEMAND,
  },
  { label: "full default chain, split: all chunks", credchain: "credchain-default-chain.mjs", split: "total" },
  { label: "signer + provider", credchain: "credchain-signer.mjs" },
  {
    label: "container alone",
    credchain: "credchain-container.mjs",
    sdk: "sdk-container.mjs",
    sdkNote: "@smithy/credential-provider-imds fromContainerMetadata",
  },
  { label: "IMDS alone", credchain: "credchain-imds.mjs", sdk: "sdk-imds.mjs", sdkNote: "@smithy/credential-provider-imds fromInstanceMetadata" },
  { label: "ini files alone", credchain: "credchain-ini.mjs", leavesOut: [TRANSPORT_SOURCE] },
  {
    label: "credential_process alone",
    credchain: "credchain-process.mjs",
    sdk: "sdk-process.mjs",
    sdkNote: "@aws-sdk/credential-providers fromProcess",
    leavesOut: [TRANSPORT_SOURCE],
  },
  { label: "boto config alone", credchain: "credchain-boto-cfg.mjs", leavesOut: [TRANSPORT_SOURCE] },
  { label: "refresh-manager alone", credchain: "credchain-refresh.mjs" },
  { label: "STS assume role alone", credchain: "credchain-sts.mjs" },
  { label: "SSO alone", credchain: "credchain-sso.mjs", leavesOut: LOGIN_SOURCES },
  { label: "aws login alone", credchain: "credchain-login.mjs" },
  { label: "env (SDK umbrella)", sdk: "sdk-providers-env.mjs", sdkNote: "@aws-sdk/credential-providers fromEnv" },
  { label: "container (SDK umbrella)", sdk: "sdk-providers-container.mjs", sdkNote: "@aws-sdk/credential-providers fromContainerMetadata" },
  { label: "IMDS (SDK umbrella)", sdk: "sdk-providers-imds.mjs", sdkNote: "@aws-sdk/credential-providers fromInstanceMetadata" },
];
