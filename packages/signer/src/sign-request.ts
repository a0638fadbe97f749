import { createSigner, type SignableRequest, type SignedHeaders, type SignerOptions } from "./create-signer.js";

/**
 * Signs one request with SigV4 and returns the headers to send with it (the request's own,
 * lower-cased, plus `host`, `x-amz-date`, `authorization` and, when they apply,
 * `x-amz-security-token` and `x-amz-content-sha256`). Send the body and URL unchanged.
 *
 * Credentials go through `withRefresh`, cached per provider function, so calling this for every
 * request does not fetch credentials every time.
 *
 * @example
 * ```ts
 * import { signRequest } from "@credchain/signer";
 * import { defaultChain } from "@credchain/chain";
 *
 * const url = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items";
 * const body = JSON.stringify({ name: "x" });
 * const headers = await signRequest(
 *   { method: "POST", url, headers: { "content-type": "application/json" }, body },
 *   { credentials: defaultChain(), region: "eu-west-1", service: "execute-api" },
 * );
 * await fetch(url, { method: "POST", headers, body });
 * ```
 */
export function signRequest(request: SignableRequest, options: SignerOptions): Promise<SignedHeaders> {
  // Not async (see createSigner's sign): a bad option still rejects, it never throws.
  try {
    return createSigner(options).sign(request);
  } catch (error) {
    return Promise.reject(error);
  }
}
