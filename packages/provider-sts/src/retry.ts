import { sleep } from "@credchain/core/http";

/** botocore's standard retry mode: 3 attempts in all (`retries.standard.DEFAULT_MAX_ATTEMPTS`). */
export const DEFAULT_STS_MAX_ATTEMPTS = 3;
/** botocore's `ExponentialBackoff._MAX_BACKOFF`, in ms. */
export const MAX_BACKOFF_MS = 20_000;

/** botocore's ThrottledRetryableChecker codes (standard mode). */
export const THROTTLING_CODES: ReadonlySet<string> = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
]);

/** botocore's TransientRetryableChecker codes and statuses. */
const TRANSIENT_CODES = new Set(["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);

/**
 * Whether an STS answer is worth another attempt: throttling codes (and HTTP 429), transient
 * codes, 500/502/503/504. Authentication and validation errors never are.
 */
export function isRetryableResponse(status: number, errorCode: string | undefined): boolean {
  if (errorCode !== undefined && (THROTTLING_CODES.has(errorCode) || TRANSIENT_CODES.has(errorCode))) return true;
  return status === 429 || TRANSIENT_STATUSES.has(status);
}

/**
 * Full-jitter exponential backoff as botocore's standard mode: `random() * min(2^(n-1), 20)`
 * seconds after the n-th failed attempt.
 *
 * @example
 * ```ts
 * backoffMs(1, () => 0.5); // 500
 * backoffMs(3, () => 0.5); // 2000
 * ```
 */
export function backoffMs(failedAttempt: number, random: () => number): number {
  return random() * Math.min(2 ** (failedAttempt - 1) * 1000, MAX_BACKOFF_MS);
}

/** A pause that ends early, rejecting with the signal's reason, when the signal aborts (before or during it). */
export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await sleep(ms, signal);
  signal?.throwIfAborted();
}
