import type { Dispatcher } from "undici";
import type { SignableBody } from "./body.js";
import { createSigner, type SignerOptions } from "./create-signer.js";
import { invalidInput } from "./errors.js";
import { undiciHeaderRecord } from "./headers.js";

/**
 * An undici interceptor that signs every request with SigV4 before it is dispatched, so
 * `undici.request`, `Client`, `Pool` and anything built on them sign transparently. The path and
 * query are signed exactly as undici sends them. Bodies: strings and bytes are hashed; a stream
 * (which is what undici's `fetch` hands a dispatcher for any body) needs `unsignedPayload: true`
 * — for `fetch`, prefer `createSignedFetch`. Signing errors reach the handler as request errors,
 * before anything is sent.
 *
 * @example
 * ```ts
 * import { Agent, request } from "undici";
 * import { signingInterceptor } from "@credchain/signer/undici";
 * import { defaultChain } from "@credchain/chain";
 *
 * const dispatcher = new Agent().compose(
 *   signingInterceptor({ credentials: defaultChain(), region: "us-east-1", service: "execute-api" }),
 * );
 * const { statusCode } = await request("https://abc123.execute-api.us-east-1.amazonaws.com/prod/", { dispatcher });
 * ```
 */
export function signingInterceptor(options: SignerOptions): Dispatcher.DispatcherComposeInterceptor {
  const signer = createSigner(options);
  return (dispatch) =>
    function sigv4Interceptor(opts, handler) {
      // Anything thrown here would reach the caller raw (undici's request() rejects with it): every
      // failure goes to the handler as a CredchainError instead, before anything is sent.
      try {
        const headers = undiciHeaderRecord(opts.headers);
        // A Client or Pool dispatches without an origin (it knows its own): the host must come from somewhere.
        const host = opts.origin ? hostOf(opts.origin) : headers.host;
        if (!host) {
          throw invalidInput("cannot sign a request without its host: dispatch with `origin` (an Agent always has one) or a `host` header", "origin");
        }
        if (typeof opts.path !== "string") throw invalidInput(`cannot sign a dispatch without a path: \`path\` must be a string such as "/", got ${typeof opts.path}`, "path");
        const q = opts.path.indexOf("?");
        signer
          .signWire({
            method: opts.method,
            host,
            path: q < 0 ? opts.path : opts.path.slice(0, q),
            search: q < 0 ? "" : opts.path.slice(q),
            headers,
            body: opts.body as SignableBody,
          })
          .then(
            (headers) => {
              try {
                dispatch({ ...opts, headers }, handler);
              } catch (error) {
                fail(handler, error);
              }
            },
            (error: unknown) => fail(handler, error),
          );
      } catch (error) {
        fail(handler, error);
      }
      return true;
    };
}

function hostOf(origin: string | URL): string | undefined {
  try {
    return new URL(String(origin)).host;
  } catch {
    return undefined;
  }
}

function fail(handler: Dispatcher.DispatchHandler, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  // Composed dispatchers hand interceptors the new handler API; a bare dispatch may use the old one.
  if (handler.onResponseError) handler.onResponseError(null as never, err);
  else handler.onError?.(err);
}
