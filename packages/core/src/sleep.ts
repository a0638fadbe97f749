/**
 * A pause of `ms` milliseconds that `signal` cuts short: on an abort (also one before the call) it
 * resolves at once, clearing the timer, for callers that check the signal themselves after the
 * pause (`signal.throwIfAborted()` turns it into a rejection with `signal.reason`). Shared by the
 * providers that wait between attempts; they all call endpoints, so it is exported with
 * `@credchain/core/http`, which loads only with them.
 *
 * @example
 * ```ts
 * import { sleep } from "@credchain/core/http";
 *
 * await sleep(100, controller.signal); // after 100 ms, or as soon as the controller aborts
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, signal?.aborted ? 0 : ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
