import type { SharedConfig, SharedConfigInit } from "./load-shared-config.js";

/** Options of the provider-ini providers and helpers that read one profile. */
export interface ProfileInit extends SharedConfigInit {
  /**
   * The profile to read. Default: env `AWS_DEFAULT_PROFILE`, else `AWS_PROFILE`, else `default`
   * (core's `selectProfile`, botocore's order).
   */
  profile?: string;
  /** Files already read with `loadSharedConfig`, so a chain reads them once. Default: read them on each call. */
  sharedConfig?: SharedConfig;
}
