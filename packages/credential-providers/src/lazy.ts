/**
 * A provider made on its first call, from a module loaded then: importing the package loads
 * only core and the env provider, whatever else it offers. A failed load is tried again on the
 * next call.
 *
 * @example
 * ```ts
 * const provider = lazyProvider(async () => (await import("./load-imds.js")).fromInstanceMetadata(init));
 * ```
 */
export function lazyProvider<A, T>(make: () => Promise<(args?: A) => Promise<T>>): (args?: A) => Promise<T> {
  let made: Promise<(args?: A) => Promise<T>> | undefined;
  return async (args) => (await (made ??= make().catch((error: unknown) => ((made = undefined), Promise.reject(error)))))(args);
}
