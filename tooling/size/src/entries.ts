import { fileURLToPath } from "node:url";

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
}

/** Every bundle measured, in table order. The first three carry budgets (see budgets.ts). */
export const ROWS: Row[] = [
  { label: "env only", credchain: "credchain-env.mjs", sdk: "sdk-env.mjs", sdkNote: "@aws-sdk/credential-provider-env fromEnv" },
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
  { label: "signer + provider", credchain: "credchain-signer.mjs" },
  {
    label: "container alone",
    credchain: "credchain-container.mjs",
    sdk: "sdk-container.mjs",
    sdkNote: "@smithy/credential-provider-imds fromContainerMetadata",
  },
  { label: "IMDS alone", credchain: "credchain-imds.mjs", sdk: "sdk-imds.mjs", sdkNote: "@smithy/credential-provider-imds fromInstanceMetadata" },
  { label: "ini files alone", credchain: "credchain-ini.mjs" },
  { label: "credential_process alone", credchain: "credchain-process.mjs", sdk: "sdk-process.mjs", sdkNote: "@aws-sdk/credential-providers fromProcess" },
  { label: "boto config alone", credchain: "credchain-boto-cfg.mjs" },
  { label: "refresh-manager alone", credchain: "credchain-refresh.mjs" },
  { label: "STS assume role alone", credchain: "credchain-sts.mjs" },
  { label: "SSO alone", credchain: "credchain-sso.mjs" },
  { label: "env (SDK umbrella)", sdk: "sdk-providers-env.mjs", sdkNote: "@aws-sdk/credential-providers fromEnv" },
  { label: "container (SDK umbrella)", sdk: "sdk-providers-container.mjs", sdkNote: "@aws-sdk/credential-providers fromContainerMetadata" },
  { label: "IMDS (SDK umbrella)", sdk: "sdk-providers-imds.mjs", sdkNote: "@aws-sdk/credential-providers fromInstanceMetadata" },
];
