import { CredchainError } from "@credchain/core";

/**
 * The error `promise` rejects with, which must be a CredchainError: a fulfilment or any other
 * error fails the test.
 *
 * @example
 * ```ts
 * const e = await rejection(fromEnv({ env: {} })());
 * expect(e.code).toBe("NoCredentials");
 * ```
 */
export async function rejection(promise: Promise<unknown>): Promise<CredchainError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection, got a fulfilment");
    },
    (e: unknown) => e,
  );
  if (!CredchainError.isInstance(error)) throw new Error(`expected a CredchainError, got ${String(error)}`);
  return error;
}
