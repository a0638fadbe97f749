import { isStreamBody } from "./body.js";
import { createSigner, type SignerOptions } from "./create-signer.js";
import { invalidInput, STREAM_BODY_MESSAGE } from "./errors.js";
import { headerRecord, type HeadersLike } from "./headers.js";
import { checkHeaders, checkMethod, requestUrl } from "./validate-request.js";

/** Anything shaped like the global `fetch` (undici's `fetch` included). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface SignedFetchOptions extends SignerOptions {
  /** The fetch that sends the signed request. Default: the global `fetch`. */
  fetch?: FetchLike;
}

// RequestInit fields a Request input carries that must survive the rebuild.
const carried = (input: Request) => ({
  signal: input.signal,
  redirect: input.redirect,
  keepalive: input.keepalive,
  integrity: input.integrity,
});

/**
 * `new Request(input, init)`, which does the normalising fetch would do (method case, header
 * merging, content-type), after checks of our own: its TypeErrors quote the URL and header
 * values, which may be secrets.
 */
function buildRequest(input: string | URL | Request, init: RequestInit | undefined): Request {
  if (input === undefined || input === null) throw invalidInput("signed fetch needs a URL or a Request as its first argument", "url");
  const url = requestUrl(input instanceof Request ? input.url : input);
  if (url.username !== "" || url.password !== "") throw invalidInput("the request url has a user name or password in it, which fetch refuses (the url is not shown)", "url");
  if (init?.method !== undefined) checkMethod(init.method);
  if (init?.headers != null && typeof init.headers === "object") checkHeaders(headerRecord(init.headers as HeadersLike));
  try {
    return new Request(input, init);
  } catch (error) {
    // What is left (a GET with a body, an unknown mode) quotes nothing secret.
    throw invalidInput(`fetch cannot send this request: ${(error as Error).message}`, "request");
  }
}

/**
 * A `fetch` that signs every request with SigV4: same arguments (string, URL or `Request`, and
 * an init), same `Response`. Bodies are hashed — strings, bytes, `URLSearchParams`, `Blob`,
 * `FormData` and a `Request`'s body are read into memory first; a stream in `init.body` needs
 * `unsignedPayload: true`. Options are checked here, so a missing region or service throws before
 * any request.
 *
 * @example
 * ```ts
 * import { createSignedFetch } from "@credchain/signer";
 * import { defaultChain } from "@credchain/chain";
 *
 * const signedFetch = createSignedFetch({ credentials: defaultChain(), region: "us-east-1", service: "execute-api" });
 * const res = await signedFetch("https://abc123.execute-api.us-east-1.amazonaws.com/prod/items?limit=10");
 * ```
 */
export function createSignedFetch(options: SignedFetchOptions): typeof fetch {
  const signer = createSigner(options);
  const unsignedPayload = options.unsignedPayload ?? false;
  const send = options.fetch;

  const signedFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const fetchImpl = send ?? globalThis.fetch;
    const streamed = isStreamBody(init?.body);
    if (streamed && !unsignedPayload) throw invalidInput(STREAM_BODY_MESSAGE, "unsignedPayload");
    const request = buildRequest(input, init);
    const fromRequest = input instanceof Request ? carried(input) : {};
    let body: RequestInit["body"];
    if (unsignedPayload) body = init?.body !== undefined ? init.body : request.body;
    else body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;

    const headers = await signer.sign(
      { method: request.method, url: request.url, headers: request.headers, body: unsignedPayload ? undefined : body },
      { signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined },
    );
    // fetch sends the URL's host itself; pass one on only if the caller set it.
    if (!request.headers.has("host")) delete headers.host;
    const bodyIsStream = body instanceof ReadableStream || isStreamBody(body);
    return fetchImpl(request.url, {
      ...fromRequest,
      ...init,
      method: request.method,
      headers,
      body: body ?? null,
      ...(bodyIsStream && { duplex: "half" }),
    } as RequestInit);
  };
  return signedFetch as typeof fetch;
}
