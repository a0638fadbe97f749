import type { ChainAttempt, CredchainError, Credentials } from "@credchain/core/local";
import type { CredentialPlan } from "@credchain/provider-ini";

/** How one resolution went: every provider in order with its outcome, and the result. */
export interface Explanation {
  /** The profile the chain resolved for (default chain only). */
  profile?: { name: string; from: "option" | "AWS_DEFAULT_PROFILE" | "AWS_PROFILE" | "default" };
  /** What the profile says to do, botocore's way (default chain only): provider-ini's plan; `describePlan` puts it on one line. */
  plan?: CredentialPlan;
  /** Each provider in chain order: used, skipped (with why), or failed (with the error code). */
  attempts: ChainAttempt[];
  /** Present when a provider answered. */
  credentials?: Credentials;
  /** Present when no provider answered or one failed. */
  error?: CredchainError;
}
