import { CredchainError } from "@credchain/core";

/** The SDK's `RemoteProviderInit` numbers: a timeout in milliseconds and retries after the first attempt. */
export interface RemoteNumbers {
  /** Milliseconds per request. */
  timeout?: number | undefined;
  /** Retries after the first attempt (attempts = retries + 1). */
  maxRetries?: number | undefined;
}

/**
 * The SDK's `timeout` and `maxRetries` as credchain's `timeoutMs` and `maxAttempts`, each only
 * when given (credchain's botocore defaults otherwise). A negative, fractional or non-numeric
 * value is `InvalidConfig` naming the option.
 *
 * @example
 * ```ts
 * remoteNumbers("fromInstanceMetadata", { timeout: 500, maxRetries: 2 }); // { timeoutMs: 500, maxAttempts: 3 }
 * ```
 */
export function remoteNumbers(fn: string, init: RemoteNumbers): { timeoutMs?: number; maxAttempts?: number } {
  const bad = (key: string, what: string) => new CredchainError({ code: "InvalidConfig", key, message: `${fn}: ${key} must be ${what}, not ${String((init as Record<string, unknown>)[key])}` });
  const { timeout, maxRetries } = init;
  if (timeout !== undefined && !(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0)) throw bad("timeout", "a number of milliseconds above 0");
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) throw bad("maxRetries", "a whole number of at least 0");
  return { ...(timeout !== undefined && { timeoutMs: timeout }), ...(maxRetries !== undefined && { maxAttempts: maxRetries + 1 }) };
}
